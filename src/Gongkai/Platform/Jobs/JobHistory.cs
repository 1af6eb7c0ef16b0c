using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Jobs;

/// <summary>A job as administrators see it: what it is, how it runs, its last runs and its failures in the last 30 days.</summary>
public sealed record JobSummary(
    string Name, string Label, bool Automatic, JobCatchUp CatchUp, TimeSpan? RepeatEvery, DateOnly? LastDoneDay,
    int FailuresIn30Days, IReadOnlyList<JobRun> LastRuns);

/// <summary>The registered jobs and their recorded runs, for /admin/jobs and <c>gongkai jobs list</c>.</summary>
public sealed class JobHistory(GongkaiDb db, JobRunner runner, IServiceProvider services, TimeProvider clock)
{
    public const int RunsShown = 10;

    public async Task<IReadOnlyList<JobSummary>> ListAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-30);
        var list = new List<JobSummary>();
        foreach (var registered in runner.Registered)
        {
            var job = (IDailyJob)services.GetRequiredService(registered.JobType);
            var runs = db.Set<JobRun>().AsNoTracking().Where(r => r.Job == job.Name);
            var last = await runs.OrderByDescending(r => r.StartedAt).Take(RunsShown).ToListAsync(ct);
            var lastDone = await runs.Where(r => r.Outcome == JobOutcome.Ok).MaxAsync(r => (DateOnly?)r.Day, ct);
            var failures = await runs.CountAsync(r => r.Outcome == JobOutcome.Failed && r.StartedAt >= since, ct);
            list.Add(new JobSummary(job.Name, job.Label, registered.Automatic, job.CatchUp, job.RepeatEvery, lastDone, failures, last));
        }

        return list;
    }

    public static string Outcome(JobOutcome outcome) => outcome == JobOutcome.Ok ? "成功" : "失败";

    public static string HowItRuns(JobSummary job) =>
        (job.Automatic ? "每日自动运行" : "仅手动运行（自动运行已关闭）")
        + (job.RepeatEvery is { } every ? $"，当日每{Every(every)}再运行" : "")
        + (job.CatchUp == JobCatchUp.EachMissedDay ? "，停机后逐日补运行" : "，停机后只运行当日");

    private static string Every(TimeSpan every) => every.TotalMinutes >= 1 ? $"{every.TotalMinutes:0}分钟" : $"{every.TotalSeconds:0}秒";
}
