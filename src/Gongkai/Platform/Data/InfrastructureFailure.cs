using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Platform.Data;

/// <summary>
/// Tells a failure of the machinery (database down or restarting, disk full, I/O error) from a fault in the code.
/// The first is answered 503 with Retry-After ("nothing was saved, try again"), the second stays a 500. Every caller
/// (the error handler, /readyz, background writers) asks here, so a new kind of outage is taught in one place.
/// </summary>
public static class InfrastructureFailure
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 10;

    public const string Title = "服务暂时不可用";

    public const string Detail = "数据库或存储暂时不可用，本次提交没有保存，请稍后重试。";

    /// <summary>True when the exception, or any exception inside it, says the database or disk is unavailable.</summary>
    public static bool Is(Exception? error)
    {
        for (var depth = 0; error is not null && depth < 16; depth++)
        {
            if (error is AggregateException aggregate && aggregate.InnerExceptions.Any(Is))
            {
                return true;
            }

            if (Classify(error) is { } verdict)
            {
                return verdict;
            }

            error = error.InnerException;
        }

        return false;
    }

    /// <summary>A verdict for this exception alone, or null to look at the one inside it.</summary>
    private static bool? Classify(Exception error) => error switch
    {
        PostgresException p => IsPostgresOutage(p),
        // Npgsql's own failures (connection refused or reset, timeouts, an exhausted pool) carry no SQL state.
        NpgsqlException => true,
        SqliteException s => IsSqliteOutage(s.SqliteErrorCode),
        SocketException => true,
        IOException io when IsDiskOutage(io) => true,
        _ => null,
    };

    /// <summary>
    /// Connection lost (08), server out of resources (53: disk full, memory, too many connections), shutting down or
    /// starting (57P01–57P03), system I/O error (58), a read-only standby (25006), and any error that ended the session
    /// (FATAL/PANIC, e.g. a database that does not accept connections). Constraint violations and the like are not.
    /// </summary>
    private static bool IsPostgresOutage(PostgresException p) =>
        p.SqlState.StartsWith("08", StringComparison.Ordinal)
        || p.SqlState.StartsWith("53", StringComparison.Ordinal)
        || p.SqlState.StartsWith("58", StringComparison.Ordinal)
        || p.SqlState is "57P01" or "57P02" or "57P03" or "25006"
        || p.InvariantSeverity is "FATAL" or "PANIC";

    /// <summary>SQLITE_BUSY 5, LOCKED 6, NOMEM 7, READONLY 8, IOERR 10, FULL 13, CANTOPEN 14 (extended codes share the low byte).</summary>
    private static bool IsSqliteOutage(int code) => (code & 0xFF) is 5 or 6 or 7 or 8 or 10 or 13 or 14;

    /// <summary>No space (ENOSPC 28, Windows 0x70/0x27), quota (EDQUOT 122), I/O error (EIO 5), read-only file system (EROFS 30).</summary>
    private static bool IsDiskOutage(IOException io)
    {
        var code = io.HResult & 0xFFFF;
        return OperatingSystem.IsWindows() ? code is 0x70 or 0x27 : code is 28 or 122 or 5 or 30;
    }
}
