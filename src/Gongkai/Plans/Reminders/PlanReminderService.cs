using Gongkai.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans.Reminders;

/// <summary>
/// Runs <see cref="PlanReminderPass"/> every <see cref="Interval"/> (so a node started at any hour writes the day's list
/// soon after the day begins); the pass itself writes a task's line once a day, so running it again is harmless. Two
/// nodes racing on the same line: the unique index keeps one, the other's pass is retried at the next tick.
/// </summary>
public sealed class PlanReminderService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PlanReminderService> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (DbUpdateException e)
            {
                log.LogWarning(e, "工作要点提醒：另一节点同时写入，下次再试");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Daily reminders of work-plan tasks failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<PlanReminderRun> RunAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs("每日巡检");
            return await scope.ServiceProvider.GetRequiredService<PlanReminderPass>().RunAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }
}
