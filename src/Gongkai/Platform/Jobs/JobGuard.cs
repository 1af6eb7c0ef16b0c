using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Platform.Jobs;

/// <summary>
/// One runner at a time per job. PostgreSQL: a transaction holding <c>pg_try_advisory_xact_lock</c> on the job's key, in
/// which the runner checks the day's runs, runs the job (in a scope of its own) and records the run; the commit that
/// records it releases the lock, so a second instance either fails to take the lock or, after it, finds the day done.
/// SQLite serves one process: a gate per database and job.
/// </summary>
internal sealed class JobGuard : IAsyncDisposable
{
    private const int LockClass = 0x676B_6A62; // "gkjb"
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();
    private readonly SemaphoreSlim? gate;
    private readonly IDbContextTransaction? transaction;

    private JobGuard(SemaphoreSlim? gate, IDbContextTransaction? transaction)
    {
        this.gate = gate;
        this.transaction = transaction;
    }

    /// <summary>Null when another runner holds the job and <paramref name="wait"/> is false.</summary>
    public static async Task<JobGuard?> EnterAsync(GongkaiDb db, string job, bool wait, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            var gate = Gates.GetOrAdd(db.Database.GetConnectionString() + "|" + job, _ => new SemaphoreSlim(1, 1));
            return await gate.WaitAsync(wait ? Timeout.InfiniteTimeSpan : TimeSpan.Zero, ct) ? new JobGuard(gate, null) : null;
        }

        var tx = await db.Database.BeginTransactionAsync(ct);
        var sql = wait
            ? "SELECT true AS \"Value\" FROM (SELECT pg_advisory_xact_lock({0}, {1})) l"
            : "SELECT pg_try_advisory_xact_lock({0}, {1}) AS \"Value\"";
        if ((await db.Database.SqlQueryRaw<bool>(sql, LockClass, Key(job)).ToListAsync(ct)).Single())
        {
            return new JobGuard(null, tx);
        }

        await tx.DisposeAsync();
        return null;
    }

    /// <summary>A stable 32-bit key of the job's name (string.GetHashCode differs between processes).</summary>
    internal static int Key(string job) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(job)), 0);

    /// <summary>Commits what was recorded under the guard (PostgreSQL; SQLite saved it already).</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        gate?.Release();
    }
}
