using System.Globalization;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Web;

/// <summary>
/// What /readyz answers: the database is reachable, fully migrated and takes a committed write, and the file store
/// takes a file. Reading is not enough: through a full disk every read still answers while every submission fails.
/// A probe is shared by concurrent callers and its result kept for <c>Health:ProbeSeconds</c> (default 5), so load
/// balancer probes stay cheap.
/// <para>
/// The write is real. On PostgreSQL one committed upsert needs the server to accept connections and writes (not a
/// standby, not shutting down, disk not full). On SQLite the probe commits a row of a few pages and deletes the
/// previous one in the same transaction: the commit appends to the write-ahead log (which fails on a full disk once
/// the log cannot grow), and the new row needs as many free pages as the database can still allocate (which fails
/// when the file may not grow). The table holds one row, its freed pages are reused by the next probe.
/// </para>
/// </summary>
public sealed class ReadinessProbe(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ReadinessProbe> log)
{
    public sealed record Result(bool Ready, string Database, string Files);

    private const string Table = "gk_health_probe";
    private const int SqliteProbePages = 4;

    private readonly SemaphoreSlim single = new(1, 1);
    private readonly TimeSpan keep = TimeSpan.FromSeconds(configuration.GetValue("Health:ProbeSeconds", 5.0));
    private readonly string filesRoot = Path.GetFullPath(configuration["Files:Root"] ?? Path.Combine("data", "files"));
    private (Result Result, DateTimeOffset At)? last;

    public async Task<Result> CheckAsync(CancellationToken ct)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await single.WaitAsync(ct);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var database = await DatabaseAsync(timeout.Token);
            var files = await FilesAsync(timeout.Token);
            var result = new Result(database is null && files is null, database ?? "ok", files ?? "ok");
            if (!result.Ready)
            {
                log.LogWarning("Not ready: database {Database}; files {Files}", result.Database, result.Files);
            }

            last = (result, clock.GetUtcNow());
            return result;
        }
        finally
        {
            single.Release();
        }
    }

    private Result? Fresh() => last is { } l && clock.GetUtcNow() - l.At < keep ? l.Result : null;

    /// <summary>Null when the database takes a write, otherwise why not (in Chinese).</summary>
    private async Task<string?> DatabaseAsync(CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            if (!await db.Database.CanConnectAsync(ct))
            {
                return "无法连接数据库";
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            if (pending > 0)
            {
                return $"有{pending}个迁移尚未执行";
            }

            await WriteAsync(db, ct);
            return null;
        }
        catch (Exception e)
        {
            // Whatever the cause, a node that cannot write is not ready; the log says which failure it was.
            log.LogWarning(e, "The readiness probe could not write to the database");
            return e is OperationCanceledException ? "数据库写入超时" : "数据库无法写入（可能磁盘已满或数据库不可用）";
        }
    }

    private static async Task WriteAsync(GongkaiDb db, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        await db.Database.ExecuteSqlRawAsync(sqlite
            ? "CREATE TABLE IF NOT EXISTS " + Table + " (id INTEGER PRIMARY KEY, at TEXT NOT NULL, payload BLOB)"
            : "CREATE TABLE IF NOT EXISTS " + Table + " (id bigint PRIMARY KEY, at timestamptz NOT NULL, payload bytea)", ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (sqlite)
        {
            var pageSize = await db.Database.SqlQueryRaw<long>("SELECT page_size AS \"Value\" FROM pragma_page_size()").SingleAsync(ct);
            var bytes = pageSize * SqliteProbePages;
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO gk_health_probe (at, payload) VALUES (datetime('now'), zeroblob({bytes})); DELETE FROM gk_health_probe WHERE id < last_insert_rowid();", ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO " + Table + " (id, at) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET at = excluded.at", ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Null when a small file can be written (and flushed) under Files:Root, otherwise why not.</summary>
    private async Task<string?> FilesAsync(CancellationToken ct)
    {
        var path = Path.Combine(filesRoot, $".ready-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(filesRoot);
            await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(new byte[4096], ct);
                stream.Flush(flushToDisk: true);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            log.LogWarning(e, "The readiness probe could not write a file under Files:Root");
            return "文件存储无法写入（可能磁盘已满或目录不可写）";
        }
        finally
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Nothing was written, or the disk refuses even the removal; the next probe tries again.
            }
        }
    }
}
