using System.Collections.Concurrent;
using Gongkai.Platform.Jobs;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Jobs;

/// <summary>What the test jobs did: the days each ran for, and failures still to come.</summary>
public sealed class JobProbe
{
    public ConcurrentQueue<(string Job, DateOnly Day)> Runs { get; } = new();

    public int FailuresToCome;

    /// <summary>How long a run takes, so that two runners ticking together overlap.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMilliseconds(300);

    public List<DateOnly> DaysOf(string job) => Runs.Where(r => r.Job == job).Select(r => r.Day).ToList();
}

/// <summary>A today-only job that can be made to fail.</summary>
public sealed class CountingJob(JobProbe probe) : IDailyJob
{
    public const string JobName = "test.counting";

    public string Name => JobName;

    public string Label => "测试：每日计数";

    public async Task<string?> RunAsync(DateOnly districtDay, CancellationToken ct)
    {
        await Task.Delay(probe.Duration, ct);
        if (Interlocked.Decrement(ref probe.FailuresToCome) >= 0)
        {
            throw new InvalidOperationException("测试故障：数据库暂不可用");
        }

        probe.Runs.Enqueue((Name, districtDay));
        return $"已计数{districtDay:yyyy-MM-dd}";
    }
}

/// <summary>A job that runs for each day missed.</summary>
public sealed class CatchingUpJob(JobProbe probe) : IDailyJob
{
    public const string JobName = "test.catching-up";

    public string Name => JobName;

    public string Label => "测试：逐日补运行";

    public JobCatchUp CatchUp => JobCatchUp.EachMissedDay;

    public Task<string?> RunAsync(DateOnly districtDay, CancellationToken ct)
    {
        probe.Runs.Enqueue((Name, districtDay));
        return Task.FromResult<string?>(null);
    }
}

/// <summary>
/// The application with a clock the test sets and the two test jobs; no runner ticks on its own and the module jobs run
/// only when asked (tests create runners and tick them).
/// </summary>
public interface IJobsApp : IClockedApp
{
    JobProbe Probe { get; }
}

internal static class JobsSetup
{
    public static void Configure(IWebHostBuilder builder, FakeClock clock, JobProbe probe)
    {
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Requests:DailySweep", "false");
        builder.UseSetting("Plans:DailyReminders", "false");
        builder.UseSetting("Disclosure:ScheduledPublishing", "false");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(probe);
            services.AddDailyJob<CountingJob>();
            services.AddDailyJob<CatchingUpJob>();
        });
    }
}

public sealed class JobsSqliteApp : SqliteApp, IJobsApp
{
    public FakeClock Clock { get; } = new();
    public JobProbe Probe { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        JobsSetup.Configure(builder, Clock, Probe);
    }
}

public sealed class JobsPostgresApp : PostgresApp, IJobsApp
{
    public FakeClock Clock { get; } = new();
    public JobProbe Probe { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        JobsSetup.Configure(builder, Clock, Probe);
    }
}
