using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Platform.Caching;

/// <summary>
/// Raises the <see cref="ContentVersion"/> counters of what a unit of work changed, inside its own transaction, just
/// before it commits: readers on any instance see the new counters exactly when they can see the new rows, never
/// earlier and never later. Changes come from the change tracker at each save (<see cref="PublicContentCatalogue"/>),
/// from bulk statements EF runs (ExecuteUpdate, ExecuteDelete, raw SQL naming a content table), and from
/// <see cref="ContentChanges.Changed"/> for rows written past EF (bulk COPY of generated documents).
/// A save that changes content and has no transaction of its own is given one, so the counters always travel with it.
/// </summary>
public sealed partial class ContentChangeTracking(PublicContentCatalogue catalogue, TimeProvider clock, ContentVersions versions)
    : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        // Without a transaction of the caller's, EF's own was rolled back with the failed save.
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            ContentChanges.Clear(context);
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Saving(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var pending = ContentChanges.Of(context);
        var before = pending.Count;
        catalogue.Collect(context.ChangeTracker, pending);
        if (pending.Count > before && context.Database.CurrentTransaction is null)
        {
            // One statement would run without a transaction, and the counters must be raised in the same one.
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        BulkWrite(command, eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        BulkWrite(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && ContentChanges.Of(context).Count > 0)
        {
            // A bulk statement outside any transaction has committed on its own: raise the counters right after it.
            Raise(command.Connection!, null, context);
            Committed(context);
        }

        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && ContentChanges.Of(context).Count > 0)
        {
            await RaiseAsync(command.Connection!, null, context, cancellationToken);
            Committed(context);
        }

        return result;
    }

    private void BulkWrite(DbCommand command, DbContext? context)
    {
        if (context is null || Write().Match(command.CommandText) is not { Success: true } m)
        {
            return;
        }

        var table = m.Groups["table"].Value.Trim('"', '[', ']', '`');
        if (table == ContentVersion.Table)
        {
            return;
        }

        ContentChanges.Of(context).UnionWith(catalogue.TagsOfTable(context.Model, table));
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is { } context && ContentChanges.Of(context).Count > 0)
        {
            Raise(transaction.Connection!, transaction, context);
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && ContentChanges.Of(context).Count > 0)
        {
            await RaiseAsync(transaction.Connection!, transaction, context, cancellationToken);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Committed(context);
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            ContentChanges.Clear(context);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            ContentChanges.Clear(context);
        }
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    private void Committed(DbContext context)
    {
        if (ContentChanges.Of(context).Count > 0)
        {
            ContentChanges.Clear(context);
            versions.ChangedHere();
        }
    }

    private DbCommand Command(DbConnection connection, DbTransaction? transaction, DbContext context)
    {
        // Sorted, so that two transactions raising several tags lock their rows in the same order (no deadlock).
        var tags = ContentChanges.Of(context).Order(StringComparer.Ordinal).ToList();
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO \"{ContentVersion.Table}\" (\"Tag\", \"Version\", \"ChangedAt\") VALUES " +
            string.Join(", ", tags.Select((_, i) => $"(@t{i}, 1, @at)")) +
            " ON CONFLICT (\"Tag\") DO UPDATE SET \"Version\" = \"" + ContentVersion.Table + "\".\"Version\" + 1, \"ChangedAt\" = excluded.\"ChangedAt\"";
        for (var i = 0; i < tags.Count; i++)
        {
            Add(command, "t" + i, tags[i]);
        }

        Add(command, "at", clock.GetUtcNow().ToUnixTimeMilliseconds());
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private void Raise(DbConnection connection, DbTransaction? transaction, DbContext context)
    {
        using var command = Command(connection, transaction, context);
        command.ExecuteNonQuery();
    }

    private async Task RaiseAsync(DbConnection connection, DbTransaction? transaction, DbContext context, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, context);
        await command.ExecuteNonQueryAsync(ct);
    }

    [GeneratedRegex(@"^\s*(?:WITH\b.*?\)\s*)?(?<verb>INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?<table>[^\s(]+)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Write();
}

/// <summary>The content tags a unit of work has changed and not yet committed.</summary>
public static class ContentChanges
{
    private static readonly ConditionalWeakTable<DbContext, HashSet<string>> Pending = [];

    /// <summary>
    /// Says that this unit of work wrote public content past EF (rows copied in bulk): the tag is raised when its
    /// transaction commits. Call it inside the transaction that writes the rows.
    /// </summary>
    public static void Changed(this DbContext db, params string[] tags) => Of(db).UnionWith(tags);

    internal static HashSet<string> Of(DbContext db) => Pending.GetValue(db, _ => new HashSet<string>(StringComparer.Ordinal));

    internal static void Clear(DbContext db)
    {
        if (Pending.TryGetValue(db, out var set))
        {
            set.Clear();
        }
    }
}
