using Gongkai.Platform.Audit;

namespace Gongkai.Plans.Reminders;

/// <summary>
/// Runs <see cref="PlanReminderPass"/> one at a time in this process, as 每日巡检; the job runner calls it every
/// <see cref="Interval"/> (<see cref="PlanReminderJob"/>). The pass itself writes a task's line once a day, so running it
/// again is harmless. Two nodes racing on the same line: the unique index keeps one, the other's run fails, is recorded,
/// and is retried at the next tick.
/// </summary>
public sealed class PlanReminderService(IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim gate = new(1, 1);

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
