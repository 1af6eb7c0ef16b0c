using Gongkai.Platform.Jobs;

namespace Gongkai.Plans.Reminders;

/// <summary>
/// The day's 工作要点 reminders as a job of the runner: after the day's run, again every ten minutes, so a task added or
/// changed during the day is reminded the same day (the pass writes a task's line once a day).
/// </summary>
public sealed class PlanReminderJob(PlanReminderService service) : IDailyJob
{
    public string Name => "plans.reminders";

    public string Label => "工作要点任务催办提醒";

    public TimeSpan? RepeatEvery => PlanReminderService.Interval;

    public async Task<string?> RunAsync(DateOnly districtDay, CancellationToken ct)
    {
        var run = await service.RunAsync(ct);
        return run.Organs == 0 ? null : $"提醒{run.Organs}个机构：即将到期{run.DueSoon}项，已逾期{run.Overdue}项";
    }
}
