using Gongkai.Platform;
using Gongkai.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Tests.Infrastructure;

/// <summary>
/// One empty database per provider and test run, migrated once with the application's own migration step
/// (<see cref="PlatformModule.MigrateDatabaseAsync"/>), that each <see cref="GongkaiApp"/> starts from a copy of: a copied
/// file on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL. Only the schema is in it (tables, indexes and the
/// migration history), no row the application writes: every application still runs its whole start-up (it finds no
/// migration to apply, then loads the calendar, the key ring, the demo organisation and the administrator itself).
/// Applying the migrations again for each of the ~150 applications of a run cost most of their start-up.
/// Applications that set <see cref="GongkaiApp.FromEmptyDatabase"/> still migrate an empty database themselves.
/// </summary>
public static class MigratedTemplate
{
    private static readonly Lazy<Task<string>> SqliteFile = new(CreateSqliteAsync);
    private static readonly Lazy<Task<string>> PostgresDatabase = new(CreatePostgresAsync);

    /// <summary>Writes a copy of the migrated SQLite template to <paramref name="file"/>.</summary>
    public static async Task CopySqliteToAsync(string file)
    {
        var template = await SqliteFile.Value;
        File.Copy(template, file);
    }

    /// <summary>The name of the migrated PostgreSQL template database (created on first use).</summary>
    public static async Task<string> PostgresTemplateAsync() => await PostgresDatabase.Value;

    /// <summary>
    /// gk_template_&lt;host&gt;_&lt;process&gt;_&lt;random&gt;: the test host does not always live to remove its template (the
    /// runner may end it), so each run first removes the templates of this machine's test processes that have ended.
    /// </summary>
    private static readonly string Prefix = "gk_template_" + HostTag + "_";

    private static string HostTag =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Environment.MachineName)))[..8];

    private static string NewName() => Prefix + Environment.ProcessId + "_" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>True for a template of this machine whose test process has ended.</summary>
    private static bool IsStale(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = name[Prefix.Length..];
        var pid = rest.IndexOf('_') is var cut and > 0 && int.TryParse(rest[..cut], out var p) ? p : 0;
        if (pid <= 0 || pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }

    private static async Task<string> CreateSqliteAsync()
    {
        foreach (var stale in Directory.EnumerateFiles(Path.GetTempPath(), Prefix + "*.db"))
        {
            if (IsStale(Path.GetFileNameWithoutExtension(stale)))
            {
                DeleteSqlite(stale);
            }
        }

        var file = Path.Combine(Path.GetTempPath(), NewName() + ".db");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteSqlite(file);
        var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString;
        await using (var db = new SqliteGongkaiDb(new DbContextOptionsBuilder<SqliteGongkaiDb>().UseSqlite(connection).Options))
        {
            await db.MigrateDatabaseAsync();
            // Everything into the database file itself, so that a copy of that one file is the whole database.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=DELETE;");
        }

        return file;
    }

    private static async Task<string> CreatePostgresAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Pooling = false };
        await using (var conn = new NpgsqlConnection(server.ConnectionString))
        {
            await conn.OpenAsync();
            var existing = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'gk\\_template\\_%'", conn))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    existing.Add(reader.GetString(0));
                }
            }

            foreach (var stale in existing.Where(IsStale))
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {stale} WITH (FORCE)", conn);
                await drop.ExecuteNonQueryAsync();
            }
        }

        var name = NewName();
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE {name}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropPostgres(server.ConnectionString, name);
        // No pooled connection may stay open on a template: CREATE DATABASE … TEMPLATE refuses a database in use.
        var connection = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
        await using (var db = new PostgresGongkaiDb(new DbContextOptionsBuilder<PostgresGongkaiDb>().UseNpgsql(connection).Options))
        {
            await db.MigrateDatabaseAsync();
        }

        return name;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static void DeleteSqlite(string file)
    {
        foreach (var f in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            try
            {
                File.Delete(f);
            }
            catch (IOException)
            {
                // Left to the system's temporary folder clean-up.
            }
        }
    }

    private static void DropPostgres(string server, string name)
    {
        try
        {
            ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
        }
        catch (NpgsqlException)
        {
            // The cluster is already gone (test.sh stops its throwaway cluster): nothing left to drop.
        }
    }
}
