using System.Data.Common;
using System.Globalization;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Requests.Clock;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Requests.Sweep;

/// <summary>
/// The sweep's set-based writes on SQLite, in the values EF stores there (Guid as upper-case text, DateOnly as
/// yyyy-MM-dd, enums as their names, DateTimeOffset through <see cref="DateTimeOffsetToBinaryConverter"/>); table and
/// column names are EF's defaults for the entities (see their configurations).
/// </summary>
internal static class SqliteWrites
{
    private static readonly DateTimeOffsetToBinaryConverter Instant = new();

    /// <summary>Pages SQLite keeps in memory for one sweep (256 MB), where a connection keeps 2 MB by default.</summary>
    public const int SweepCacheKilobytes = 256 * 1024;

    /// <summary>
    /// Holds the context's connection open for a whole sweep with a large page cache and temporary tables in memory: a pass
    /// rewrites index entries all over a file of hundreds of megabytes, and with the default 2 MB cache every batch read its
    /// pages back from the file and spilled them again. The pooled connection gets its defaults back when released.
    /// </summary>
    public static async Task<IAsyncDisposable> LargeCacheAsync(GongkaiDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await ExecuteAsync(db.Database.GetDbConnection(), null, $"PRAGMA cache_size = -{SweepCacheKilobytes}; PRAGMA temp_store = MEMORY;", ct);
        return new Restore(db);
    }

    private sealed class Restore(GongkaiDb db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await ExecuteAsync(db.Database.GetDbConnection(), null, "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT;", CancellationToken.None);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// Writes recomputed copies: every row through one prepared INSERT into a temporary table, then one UPDATE of the rows
    /// whose ids are in it, in one transaction. A row a handler touched after <paramref name="startedAt"/>, or closed, is left alone.
    /// </summary>
    public static async Task<int> UpdateChangedAsync(GongkaiDb db, IEnumerable<(Guid Id, DateOnly? DueOn, bool DuePending, Timeliness? Timeliness, RequestStage Stage)> rows,
        DateOnly today, DateTimeOffset startedAt, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var connection = db.Database.GetDbConnection();
            var transaction = tx.GetDbTransaction();
            await ExecuteAsync(connection, transaction, """
                CREATE TEMP TABLE IF NOT EXISTS sweep_changes (id TEXT PRIMARY KEY, due TEXT, pending INTEGER NOT NULL, timeliness TEXT, stage TEXT NOT NULL);
                DELETE FROM sweep_changes;
                """, ct);
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO sweep_changes (id, due, pending, timeliness, stage) VALUES ($id, $due, $pending, $timeliness, $stage)";
                var id = Parameter(insert, "$id");
                var due = Parameter(insert, "$due");
                var pending = Parameter(insert, "$pending");
                var timeliness = Parameter(insert, "$timeliness");
                var stage = Parameter(insert, "$stage");
                await insert.PrepareAsync(ct);
                foreach (var row in rows)
                {
                    id.Value = Text(row.Id);
                    due.Value = row.DueOn is { } d ? Text(d) : DBNull.Value;
                    pending.Value = row.DuePending ? 1 : 0;
                    timeliness.Value = (object?)row.Timeliness?.ToString() ?? DBNull.Value;
                    stage.Value = row.Stage.ToString();
                    await insert.ExecuteNonQueryAsync(ct);
                }
            }

            int changed;
            await using (var update = connection.CreateCommand())
            {
                update.Transaction = transaction;
                // Driven by the batch: each changed id finds its row by key. (An UPDATE … FROM let SQLite scan every open request
                // once per batch and probe the batch, quadratic in the open requests: 453 s for the next-day pass at a million.)
                update.CommandText = """
                    UPDATE disclosure_requests AS r
                    SET ("DueOn", "DuePending", "Timeliness", "Stage", "CheckedOn", "RowVersion") =
                        (SELECT v.due, v.pending, v.timeliness, v.stage, $today, r."RowVersion" + 1 FROM sweep_changes AS v WHERE v.id = r."Id")
                    WHERE r."Id" IN (SELECT id FROM sweep_changes) AND r."UpdatedAt" <= $started AND r."Stage" <> 'Closed'
                    """;
                Parameter(update, "$today").Value = Text(today);
                Parameter(update, "$started").Value = Instant.ConvertToProvider(startedAt)!;
                changed = await update.ExecuteNonQueryAsync(ct);
            }

            await ExecuteAsync(connection, transaction, "DELETE FROM sweep_changes", ct);
            await tx.CommitAsync(ct);
            return changed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Today's lines of one reminder list in one INSERT … SELECT; a line already written today is kept.</summary>
    public static Task<int> InsertRemindersAsync(GongkaiDb db, ReminderKind kind, Timeliness timeliness, DateOnly today, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""
            INSERT INTO request_reminders ("Id", "RequestId", "OrganId", "Kind", "On", "DueOn", "CreatedAt")
            SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
                   r."Id", r."OrganId", {0}, {1}, r."DueOn", {2}
            FROM disclosure_requests AS r
            WHERE r."Stage" <> 'Closed' AND r."Timeliness" = {3} AND r."DueOn" IS NOT NULL
            ON CONFLICT ("RequestId", "Kind", "On") DO NOTHING
            """,
            [kind.ToString(), Text(today), Instant.ConvertToProvider(now)!, timeliness.ToString()], ct);

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static string Text(DateOnly day) => ChineseDates.Iso(day);

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
