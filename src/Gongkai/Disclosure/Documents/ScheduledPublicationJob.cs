using Gongkai.Platform.Jobs;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// Scheduled publication (<see cref="ScheduledPublisher"/>) as a job of the runner: the day's run at start-up and after
/// midnight, then every <see cref="ScheduledPublisher.Interval"/>; later runs are recorded only when they publish or fail.
/// </summary>
internal sealed class ScheduledPublicationJob(ScheduledPublisher publisher) : IDailyJob
{
    public string Name => "disclosure.scheduled-publication";

    public string Label => "政府信息定时发布";

    public TimeSpan? RepeatEvery => ScheduledPublisher.Interval;

    public async Task<string?> RunAsync(DateOnly districtDay, CancellationToken ct)
    {
        var count = await publisher.RunOnceAsync(ct);
        return count == 0 ? null : $"处理到期的定时发布{count}条";
    }
}
