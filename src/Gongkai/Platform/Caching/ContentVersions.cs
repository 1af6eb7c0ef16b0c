using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Platform.Caching;

/// <summary>
/// The database's content counters as of a moment no earlier than the start of the request asking for them
/// (docs/ARCHITECTURE.md §Public page cache). Whatever committed before a request began is reflected in what it gets,
/// so a page cached under older counters is never served to it.
/// </summary>
public abstract class ContentVersions
{
    /// <summary>The counters now. Throws when the database cannot be asked; the caller then serves nothing cached.</summary>
    public abstract ValueTask<ContentStamp> CurrentAsync(CancellationToken ct = default);

    /// <summary>Told after this process committed a change of content.</summary>
    public virtual void ChangedHere()
    {
    }

    internal static ContentStamp Read(DbDataReader reader)
    {
        var tags = new Dictionary<string, (long Version, long ChangedAt)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            tags[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        }

        return new ContentStamp(tags);
    }

    /// <summary>
    /// The search index's version (<see cref="Search.SearchIndexVersion"/>) is read with the counters, under this
    /// pseudo-tag (no page depends on it): the search answer cache trusts the same read as the page cache.
    /// </summary>
    public const string SearchIndexTag = "search-index";

    internal const string Select = $"SELECT \"Tag\", \"Version\", \"ChangedAt\" FROM \"{ContentVersion.Table}\"" +
        $" UNION ALL SELECT '{SearchIndexTag}', \"Version\", 0 FROM search_index_version WHERE \"Id\" = 1";
}

/// <summary>The counters of every tag at one moment.</summary>
public sealed class ContentStamp(IReadOnlyDictionary<string, (long Version, long ChangedAt)> tags)
{
    public static readonly ContentStamp Empty = new(new Dictionary<string, (long, long)>());

    /// <summary>
    /// The sum of the counters of <paramref name="of"/> (it only ever grows, so it identifies their state) and the last
    /// time any of them changed (Unix ms; 0 if never).
    /// </summary>
    public (long Sum, long ChangedAt) Of(IReadOnlyList<string> of)
    {
        long sum = 0, at = 0;
        for (var i = 0; i < of.Count; i++)
        {
            if (tags.TryGetValue(of[i], out var v))
            {
                sum += v.Version;
                at = Math.Max(at, v.ChangedAt);
            }
        }

        return (sum, at);
    }

    public long VersionOf(string tag) => tags.TryGetValue(tag, out var v) ? v.Version : 0;
}

/// <summary>
/// SQLite, where one process owns the database but a command-line run may write beside it: a connection of its own
/// asks <c>PRAGMA data_version</c> (a few microseconds; it changes whenever any other connection, in this process or
/// another, has committed) and reads the counters again only then.
/// </summary>
internal sealed class SqliteContentVersions(string connectionString) : ContentVersions, IDisposable
{
    private readonly Lock gate = new();
    private SqliteConnection? connection;
    private SQLitePCL.sqlite3_stmt? dataVersion;
    private SqliteCommand? select;
    private long seen = -1;
    private ContentStamp? stamp;

    public override ValueTask<ContentStamp> CurrentAsync(CancellationToken ct = default)
    {
        lock (gate)
        {
            try
            {
                if (connection is null)
                {
                    connection = new SqliteConnection(connectionString);
                    connection.Open();
                    // Prepared once and stepped natively: the check costs no reader, boxing or allocation per request.
                    var rc = SQLitePCL.raw.sqlite3_prepare_v2(connection.Handle, "PRAGMA data_version", out var prepared);
                    SqliteException.ThrowExceptionForRC(rc, connection.Handle);
                    dataVersion = prepared;
                    select = connection.CreateCommand();
                    select.CommandText = Select;
                }

                var now = DataVersion(dataVersion!, connection);
                if (now != seen || stamp is null)
                {
                    using var reader = select!.ExecuteReader();
                    stamp = Read(reader);
                    seen = now;
                }

                return ValueTask.FromResult(stamp);
            }
            catch
            {
                Close();
                throw;
            }
        }
    }

    private static long DataVersion(SQLitePCL.sqlite3_stmt statement, SqliteConnection connection)
    {
        try
        {
            var rc = SQLitePCL.raw.sqlite3_step(statement);
            if (rc != SQLitePCL.raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc == SQLitePCL.raw.SQLITE_DONE ? SQLitePCL.raw.SQLITE_ERROR : rc, connection.Handle);
            }

            return SQLitePCL.raw.sqlite3_column_int64(statement, 0);
        }
        finally
        {
            SQLitePCL.raw.sqlite3_reset(statement);
        }
    }

    private void Close()
    {
        dataVersion?.Dispose();
        select?.Dispose();
        connection?.Dispose();
        connection = null;
        stamp = null;
        seen = -1;
    }

    public void Dispose()
    {
        lock (gate)
        {
            Close();
        }
    }
}

/// <summary>
/// PostgreSQL, with several instances: each request needs a read of the counters that began after it did. Concurrent
/// requests share one: while a read is under way, newcomers wait for the next one, which starts when it ends, so the
/// database sees at most one such query at a time per instance however many requests arrive.
/// </summary>
internal sealed class PostgresContentVersions(string connectionString) : ContentVersions
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Lock gate = new();
    private Task<ContentStamp>? running;
    private TaskCompletionSource<ContentStamp>? next;

    public override ValueTask<ContentStamp> CurrentAsync(CancellationToken ct = default)
    {
        Task<ContentStamp> answer;
        TaskCompletionSource<ContentStamp>? start = null;
        lock (gate)
        {
            if (next is not null)
            {
                // Not started yet: it will begin after this request did.
                answer = next.Task;
            }
            else if (running is null)
            {
                start = new TaskCompletionSource<ContentStamp>(TaskCreationOptions.RunContinuationsAsynchronously);
                running = start.Task;
                answer = start.Task;
            }
            else
            {
                // The read under way may have begun before this request: wait for the one after it.
                next = new TaskCompletionSource<ContentStamp>(TaskCreationOptions.RunContinuationsAsynchronously);
                answer = next.Task;
            }
        }

        if (start is not null)
        {
            _ = RunAsync(start);
        }

        return new ValueTask<ContentStamp>(ct.CanBeCanceled ? answer.WaitAsync(ct) : answer);
    }

    private async Task RunAsync(TaskCompletionSource<ContentStamp> into)
    {
        while (true)
        {
            try
            {
                into.SetResult(await ReadAsync());
            }
            catch (Exception e)
            {
                into.SetException(e);
            }

            lock (gate)
            {
                if (next is null)
                {
                    running = null;
                    return;
                }

                into = next;
                next = null;
                running = into.Task;
            }
        }
    }

    private async Task<ContentStamp> ReadAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(timeout.Token);
        await using var command = new NpgsqlCommand(Select, connection);
        await using var reader = await command.ExecuteReaderAsync(timeout.Token);
        return Read(reader);
    }
}
