using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Platform.Data;

/// <summary>
/// SQLite lets one transaction write at a time; a second writer is told "busy" and Microsoft.Data.Sqlite retries by
/// putting its thread to sleep (150 ms a time), so a burst of concurrent writes (online submissions, comments) starves
/// the thread pool. This gate queues EF transactions of one database asynchronously instead: a transaction begins once
/// the previous one has committed, rolled back, failed or its connection closed (whichever comes first). A holder that
/// does not finish within <see cref="Patience"/> lets the next one through to SQLite's own locking, so the gate can
/// never deadlock a request. Reads outside transactions do not pass the gate (WAL lets them run beside the writer).
/// </summary>
public sealed class SqliteWriteGate(ILogger<SqliteWriteGate>? logger = null) : DbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentDictionary<Guid, byte> holders = new();

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Held(eventData.ConnectionId, await gate.WaitAsync(Patience, cancellationToken));
        return result;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        Held(eventData.ConnectionId, gate.Wait(Patience));
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(eventData.ConnectionId);

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(eventData.ConnectionId);

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Released(eventData.ConnectionId);

    // A transaction disposed without commit or rollback (an exception in between) ends when its connection closes.
    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Released(eventData.ConnectionId);

    void IDbConnectionInterceptor.ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    Task IDbConnectionInterceptor.ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData) => Released(eventData.ConnectionId);

    private void Held(Guid connection, bool entered)
    {
        if (!entered)
        {
            logger?.LogWarning("A SQLite write transaction waited {Seconds} s for the previous one and proceeds without the gate.", Patience.TotalSeconds);
            return;
        }

        if (!holders.TryAdd(connection, 0))
        {
            gate.Release();
        }
    }

    private void Release(Guid connection)
    {
        if (holders.TryRemove(connection, out _))
        {
            gate.Release();
        }
    }

    private Task Released(Guid connection)
    {
        Release(connection);
        return Task.CompletedTask;
    }
}
