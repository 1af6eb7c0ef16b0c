using Gongkai.Platform;
using Gongkai.Platform.Audit;

namespace Gongkai.Reports.Deadlines;

/// <summary>
/// Runs <see cref="ReportReminderSweep"/> once a district day (checked every <see cref="Interval"/>, like the requests'
/// daily sweep, so a node started at any hour catches up); off with <c>Reports:DailyReminders=false</c>. Several nodes may
/// run it: the day's list is written once (unique index), the others find it done.
/// </summary>
public sealed class DailyReportReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DailyReportReminders> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private DateOnly? done;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            var today = ChineseDates.Today(clock);
            if (done == today)
            {
                continue;
            }

            try
            {
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs("每日巡检");
                await scope.ServiceProvider.GetRequiredService<ReportReminderSweep>().RunAsync(today, stoppingToken);
                done = today;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Annual report reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
