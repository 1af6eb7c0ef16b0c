using System.Data.Common;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Gongkai.Disclosure.Demo;

/// <summary>
/// Inserts new documents without the change tracker: one prepared INSERT on SQLite, a binary COPY on PostgreSQL.
/// Columns, value converters (enums as text, instants as ticks on SQLite) and parameter types come from EF's model,
/// so the rows are exactly what <c>SaveChanges</c> would write. Runs in the caller's transaction.
/// </summary>
internal static class DocumentRows
{
    private sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping)
    {
        public object? Value(GovDocument doc) => Property.GetGetter().GetClrValueUsingContainingEntity(doc);

        public object? ProviderValue(GovDocument doc) =>
            Value(doc) is { } value ? Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value : null;
    }

    public static async Task WriteAsync(GongkaiDb db, IReadOnlyList<GovDocument> docs, CancellationToken ct)
    {
        if (docs.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(GovDocument))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => new Column(p.GetColumnName(table)!, p, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("批量写入须在事务中进行。");
        if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, table.Name, columns, docs, ct);
        }
        else
        {
            await InsertAsync((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction, table.Name, columns, docs, ct);
        }
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string table, List<Column> columns,
        IReadOnlyList<GovDocument> docs, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            // The mapping configures the parameter as SaveChanges does (e.g. a Guid bound as upper-case text).
            parameters[i] = columns[i].Mapping.CreateParameter(command, $"$p{i}", columns[i].Value(docs[0]), columns[i].Property.IsNullable);
            command.Parameters.Add(parameters[i]);
        }

        command.Prepare();
        foreach (var doc in docs)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ProviderValue(doc) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, List<Column> columns, IReadOnlyList<GovDocument> docs, CancellationToken ct)
    {
        var types = columns.Select(c => StoreTypeName(c.Mapping.StoreType)).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var doc in docs)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].ProviderValue(doc) is { } value)
                {
                    await writer.WriteAsync(value, types[i], ct);
                }
                else
                {
                    await writer.WriteNullAsync(ct);
                }
            }
        }

        await writer.CompleteAsync(ct);
    }

    /// <summary>The PostgreSQL type without its length: character varying(64) → character varying.</summary>
    private static string StoreTypeName(string storeType) => storeType.IndexOf('(') is var at and >= 0 ? storeType[..at].TrimEnd() : storeType;
}
