using System.Globalization;
using Gongkai.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests.Infrastructure;

/// <summary>
/// The clock of every application under test (docs/ARCHITECTURE.md §Time): a <see cref="FakeTimeProvider"/> that starts
/// at <see cref="TestClock.Start"/> and moves only when the test moves it — or, for the applications that do not set it
/// (<see cref="GongkaiApp"/>), one millisecond each time it is read, so records written one after another still have
/// distinct, ordered times. A test sets the district day (<see cref="SetDay"/>, 10:00 Beijing time) or the instant
/// (<see cref="Now"/>), forwards or backwards.
/// </summary>
/// <remarks>
/// <see cref="FakeTimeProvider"/> refuses to go back in time; tests sharing one application set whatever day they need in
/// whatever order xUnit runs them, so going back starts a new fake at the earlier instant (timers made before wait on the
/// clock they were made on; the background loops that use timers are switched off where tests move the clock).
/// </remarks>
public sealed class FakeClock : TimeProvider
{
    private readonly Lock gate = new();
    private FakeTimeProvider fake;

    public FakeClock()
        : this(TimeSpan.Zero)
    {
    }

    public FakeClock(TimeSpan step) => fake = new FakeTimeProvider(TestClock.Start) { AutoAdvanceAmount = step };

    public DateTimeOffset Now
    {
        get => GetUtcNow();
        set
        {
            lock (gate)
            {
                if (value >= fake.GetUtcNow())
                {
                    fake.SetUtcNow(value);
                }
                else
                {
                    fake = new FakeTimeProvider(value) { AutoAdvanceAmount = fake.AutoAdvanceAmount };
                }
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return fake.GetUtcNow();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            return fake.CreateTimer(callback, state, dueTime, period);
        }
    }

    /// <summary>Moves the clock forward, firing the timers that fall due.</summary>
    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            fake.Advance(by);
        }
    }

    public void SetDay(string iso) =>
        Now = ChineseDates.At(DateOnly.Parse(iso, CultureInfo.InvariantCulture), new TimeOnly(10, 0));
}

/// <summary>
/// The instant every application under test starts at: GONGKAI_TEST_NOW (an ISO 8601 instant with its offset, e.g.
/// 2026-12-31T23:59:00+08:00) when set, so the whole suite can be run on the last minute of a year or the first minute of the
/// next; otherwise the moment the test run started. Read once, so one run sees one instant wherever a fixture begins.
/// </summary>
public static class TestClock
{
    public const string Variable = "GONGKAI_TEST_NOW";

    public static DateTimeOffset Start { get; } = Read(Environment.GetEnvironmentVariable(Variable));

    /// <summary>
    /// The machine's clock, for the two things in the framework that read it instead of TimeProvider: ASP.NET Core Data
    /// Protection deciding which key is the default (an application rotating keys runs on it: <see cref="GongkaiApp.OnMachineClock"/>),
    /// and ASP.NET Core Identity checking an authenticator code (a test computing one uses it).
    /// </summary>
    public static TimeProvider Machine => TimeProvider.System;

    private static DateTimeOffset Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            // Wall time on purpose (the one reading in the suite, see Repository/WallClockTests): without the variable
            // the suite runs on the day it is run, as it always did.
            return TimeProvider.System.GetUtcNow();
        }

        return DateTimeOffset.TryParseExact(text.Trim(), "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToUniversalTime()
            : throw new InvalidOperationException($"{Variable}=\"{text}\" is not an instant such as 2026-12-31T23:59:00+08:00.");
    }
}

/// <summary>An application whose clock the test sets, without the daily sweep running on its own (tests run it).</summary>
public interface IClockedApp
{
    FakeClock Clock { get; }
}

internal static class Clocked
{
    public static void Configure(IWebHostBuilder builder, FakeClock clock)
    {
        builder.UseSetting("Requests:DailySweep", "false");
        builder.UseSetting("Plans:DailyReminders", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }
}

public sealed class ClockedSqliteApp : SqliteApp, IClockedApp
{
    public FakeClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Clocked.Configure(builder, Clock);
    }
}

public sealed class ClockedPostgresApp : PostgresApp, IClockedApp
{
    public FakeClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Clocked.Configure(builder, Clock);
    }
}
