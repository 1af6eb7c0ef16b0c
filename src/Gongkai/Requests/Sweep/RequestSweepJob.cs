using Gongkai.Platform.Jobs;

namespace Gongkai.Requests.Sweep;

/// <summary>The daily sweep of disclosure requests as a job of the runner: once a district day, for today only.</summary>
public sealed class RequestSweepJob(DailySweeper sweeper) : IDailyJob
{
    public string Name => "requests.sweep";

    public string Label => "依申请公开每日巡检（答复期限、逾期与提醒）";

    public async Task<string?> RunAsync(DateOnly districtDay, CancellationToken ct)
    {
        var run = await sweeper.RunAsync("daily", onlyPending: false, wait: true, ct);
        return run is null
            ? null
            : $"检查{run.Checked}件，变更{run.Changed}件，办结{run.Closed}件，提醒{run.Reminders}条，期限待定{run.StillPending}件";
    }
}
