using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Infrastructure;

/// <summary>A clock the test sets: the district day is what the test says, at 10:00 Beijing time.</summary>
public sealed class FakeClock : TimeProvider
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;

    public void SetDay(string iso) =>
        Now = new DateTimeOffset(DateOnly.Parse(iso, CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(10, 0)), Beijing).ToUniversalTime();
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
