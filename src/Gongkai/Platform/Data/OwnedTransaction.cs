using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Platform.Data;

/// <summary>
/// A transaction that a use case opens only when its caller has not already opened one, so use cases
/// compose: the outermost caller commits, and nothing is half-saved when any step fails.
/// </summary>
public sealed class OwnedTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? transaction;

    private OwnedTransaction(IDbContextTransaction? transaction) => this.transaction = transaction;

    public static async Task<OwnedTransaction> BeginAsync(GongkaiDb db, CancellationToken ct = default) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null);

    public Task CommitAsync(CancellationToken ct = default) => transaction?.CommitAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => transaction?.DisposeAsync() ?? ValueTask.CompletedTask;
}
