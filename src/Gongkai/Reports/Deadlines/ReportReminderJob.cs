using Gongkai.Platform.Jobs;

namespace Gongkai.Reports.Deadlines;

/// <summary>
/// The annual-report reminders (<see cref="ReportReminderSweep"/>) as a job of the runner: once a district day, for today
/// only; off (command line only) with <c>Reports:DailyReminders=false</c>.
/// </summary>
public sealed class ReportReminderJob(ReportReminderSweep sweep) : IDailyJob
{
    public string Name => "reports.reminders";

    public string Label => "政府信息公开工作年度报告发布提醒";

    public async Task<string?> RunAsync(DateOnly districtDay, CancellationToken ct)
    {
        var run = await sweep.RunAsync(districtDay, ct);
        return run.AlreadyDone
            ? $"{run.Year}年度报告：当日提醒已写入"
            : $"{run.Year}年度报告：待发布{run.Due}个机构，已逾期{run.Overdue}个机构";
    }
}
