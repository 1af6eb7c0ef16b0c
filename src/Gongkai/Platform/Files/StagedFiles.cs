using System.Data.Common;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Platform.Files;

/// <summary>
/// Files written by one unit of work (a <see cref="GongkaiDb"/>) that has not committed yet. <see cref="FileStore"/> writes
/// them under a pending name beside their final place; they are moved into place when the unit of work commits and deleted
/// when it rolls back, fails, or ends without committing (the context is disposed). So a step that loses a race, or fails
/// after rendering its file, leaves nothing behind, and a file that is already stored is never touched by a rollback.
/// A crash between commit and the move leaves a pending file that a row references: <see cref="FileStore.Open"/> and
/// the sweep (<see cref="SweepFiles"/>) move it into place then.
/// </summary>
public sealed class StagedFiles
{
    private readonly Lock gate = new();
    private readonly List<(string Pending, string Final)> files = [];

    /// <summary>Ends every unit of work's file staging on commit or rollback of its transaction.</summary>
    public static readonly IInterceptor Interceptor = new TransactionEnd();

    internal void Add(string pending, string final)
    {
        lock (gate)
        {
            files.Add((pending, final));
        }
    }

    /// <summary>The unit of work committed: each pending file takes its place (an identical file already there stays).</summary>
    public void Promote()
    {
        foreach (var (pending, final) in Take())
        {
            if (File.Exists(final))
            {
                File.Delete(pending);
            }
            else
            {
                File.Move(pending, final, overwrite: true);
            }
        }
    }

    /// <summary>The unit of work did not commit: its pending files go.</summary>
    public void Discard()
    {
        foreach (var (pending, _) in Take())
        {
            File.Delete(pending);
        }
    }

    private List<(string Pending, string Final)> Take()
    {
        lock (gate)
        {
            var taken = files.ToList();
            files.Clear();
            return taken;
        }
    }

    private sealed class TransactionEnd : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Of(eventData)?.Promote();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Of(eventData)?.Promote();
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Of(eventData)?.Discard();

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Of(eventData)?.Discard();
            return Task.CompletedTask;
        }

        private static StagedFiles? Of(TransactionEndEventData data) => (data.Context as GongkaiDb)?.StagedFiles;
    }
}
