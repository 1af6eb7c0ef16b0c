using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Sweep;

/// <summary>
/// Runs <see cref="RequestSweep"/> guarded: the daily run (<see cref="RequestSweepJob"/>, run by the job runner) and on
/// demand, right after the calendar changes, so pending due dates are computed at once. On PostgreSQL a session advisory
/// lock makes exactly one node sweep (docs/DESIGN.md §8); within a process a gate does the same.
/// </summary>
public sealed class DailySweeper(IServiceScopeFactory scopes, ILogger<DailySweeper> log)
{
    private const long LockKey = 0x67_6B_72_65_71; // "gkreq"
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>
    /// One sweep. Returns null when another node holds the lock and <paramref name="wait"/> is false. With
    /// <paramref name="onlyPending"/> only requests whose due date is pending are recomputed (fast: after a year is loaded).
    /// </summary>
    public async Task<RequestSweepRun?> RunAsync(string trigger, bool onlyPending, bool wait, CancellationToken ct)
    {
        if (!await gate.WaitAsync(wait ? Timeout.InfiniteTimeSpan : TimeSpan.Zero, ct))
        {
            return null;
        }

        try
        {
            using var scope = scopes.CreateScope();
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<CurrentActor>().ActAs("每日巡检");
            var db = sp.GetRequiredService<GongkaiDb>();
            if (!db.Database.IsNpgsql())
            {
                return await sp.GetRequiredService<RequestSweep>().RunAsync(trigger, onlyPending, ct);
            }

            // A session lock (not a transaction lock): each batch commits on its own, so handlers are never blocked for the whole pass.
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                var locked = (await db.Database.SqlQueryRaw<bool>(
                    wait ? "SELECT true AS \"Value\" FROM (SELECT pg_advisory_lock({0})) l" : "SELECT pg_try_advisory_lock({0}) AS \"Value\"", LockKey)
                    .ToListAsync(ct)).Single();
                if (!locked)
                {
                    return null;
                }

                try
                {
                    return await sp.GetRequiredService<RequestSweep>().RunAsync(trigger, onlyPending, ct);
                }
                finally
                {
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [LockKey], CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A full sweep without waiting for it (after a local calendar day changed); failures are logged.</summary>
    public void RunInBackground(string trigger) => _ = Task.Run(async () =>
    {
        try
        {
            await RunAsync(trigger, onlyPending: false, wait: true, CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogError(e, "Background sweep of disclosure requests ({Trigger}) failed", trigger);
        }
    });
}
