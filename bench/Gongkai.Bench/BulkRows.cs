using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Gongkai.Bench;

/// <summary>
/// Writes generated entities straight into their tables for the benchmarks, bypassing EF's change tracker (400,000 rows
/// through EF took 1,021 s): PostgreSQL by binary COPY, SQLite by one prepared INSERT per row, in one transaction per
/// call. Columns, value conversions (enums as text, dates, instants as SQLite's binary ticks, Guids as SQLite's upper-case
/// text) and parameter types come from the application's EF model, so the rows are exactly what the application would
/// have written. For a large load the table's secondary indexes can be dropped first and built again after it (one sort
/// each instead of a million random insertions). Not for application code: no audit, no validation.
/// </summary>
internal static class BulkRows
{
    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Get)
    {
        /// <summary>The value as the provider stores it (after the model's conversion), or null.</summary>
        public object? Stored(object row)
        {
            var value = Get.GetClrValueUsingContainingEntity(row);
            return value is null ? null : Mapping.Converter?.ConvertToProvider(value) ?? value;
        }
    }

    /// <summary>Inserts <paramref name="rows"/> (every mapped column) and answers how many were written.</summary>
    public static async Task<long> InsertAsync<T>(DbContext db, IEnumerable<T> rows, bool rebuildIndexes = false) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.GetColumnName(table) is not null && p.ValueGenerated != ValueGenerated.OnAddOrUpdate
                && !(p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(int) || p.ClrType == typeof(long))))
            .Select(p => new Column(p, p.GetColumnName(table)!, (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.GetGetter()))
            .ToList();
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync();
        }

        var connection = db.Database.GetDbConnection();
        var indexes = rebuildIndexes ? await DropIndexesAsync(connection, table.Name) : [];
        var n = connection is NpgsqlConnection pg ? await CopyAsync(pg, table.Name, columns, rows) : await InsertRowsAsync((SqliteConnection)connection, table.Name, columns, rows);
        foreach (var sql in indexes)
        {
            await ExecuteAsync(connection, sql, timeout: 1800);
        }

        return n;
    }

    private static async Task<long> CopyAsync<T>(NpgsqlConnection connection, string table, List<Column> columns, IEnumerable<T> rows) where T : class
    {
        await using var transaction = await connection.BeginTransactionAsync();
        long n = 0;
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({Names(columns)}) FROM STDIN (FORMAT BINARY)"))
        {
            // The server may still be writing index entries when the last row is sent; 30 s (the default) is not enough at a million rows.
            writer.Timeout = TimeSpan.FromMinutes(30);
            foreach (var row in rows)
            {
                await writer.StartRowAsync();
                foreach (var column in columns)
                {
                    switch (column.Stored(row))
                    {
                        case null:
                            await writer.WriteNullAsync();
                            break;
                        case DateTimeOffset t:
                            await writer.WriteAsync(t.ToUniversalTime());
                            break;
                        case var v:
                            // The runtime type picks the PostgreSQL type (string: text, the wire form of varchar too).
                            await writer.WriteAsync(v);
                            break;
                    }
                }

                n++;
            }

            await writer.CompleteAsync();
        }

        await transaction.CommitAsync();
        return n;
    }

    private static async Task<long> InsertRowsAsync<T>(SqliteConnection connection, string table, List<Column> columns, IEnumerable<T> rows) where T : class
    {
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 600;
        command.CommandText = $"INSERT INTO \"{table}\" ({Names(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        // Made once by the model's type mapping (which sets how SQLite stores a Guid, a date, a decimal), given new values per row.
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "@p" + i, null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        command.Prepare();
        long n = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].Stored(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync();
            n++;
        }

        await transaction.CommitAsync();
        return n;
    }

    /// <summary>
    /// After a bulk load: the planner's statistics and PostgreSQL's visibility map (index-only scans) brought up to date,
    /// as autovacuum keeps them in a database that grew over years rather than in one minute.
    /// </summary>
    public static async Task RefreshStatisticsAsync(DbContext db)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE");
    }

    /// <summary>Drops the table's secondary indexes (not those of constraints) and answers the statements that make them again.</summary>
    private static async Task<List<string>> DropIndexesAsync(DbConnection connection, string table)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = connection is NpgsqlConnection
                ? "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = @t AND indexname NOT IN (SELECT conname FROM pg_constraint)"
                : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @t AND sql IS NOT NULL";
            var t = query.CreateParameter();
            t.ParameterName = "@t";
            t.Value = table;
            query.Parameters.Add(t);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        // SQLite: a large page cache for the load and the index builds (its default 2 MB holds little of a million rows).
        await ExecuteAsync(connection, connection is NpgsqlConnection ? "SET maintenance_work_mem = '256MB'" : "PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000; PRAGMA temp_store = MEMORY;");
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }

        return indexes.Select(i => i.Sql).ToList();
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, int timeout = 600)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = timeout;
        await command.ExecuteNonQueryAsync();
    }

    private static string Names(List<Column> columns) => string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
}
