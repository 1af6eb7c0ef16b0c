using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Bench;

/// <summary>
/// Writes generated entities straight into their tables for the benchmarks, many rows per INSERT inside one
/// transaction per call: ten to fifty times faster than change tracking for a million rows. Columns, value
/// conversions (enums as text, dates, instants) and parameter types come from the application's EF model, so the rows
/// are exactly what the application would have written. Not for application code: no audit, no validation.
/// </summary>
internal static class BulkRows
{
    private const int MaxParameters = 30_000;

    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.GetColumnName(table) is not null && p.ValueGenerated != ValueGenerated.OnAddOrUpdate
                && !(p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(int) || p.ClrType == typeof(long))))
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), Get: p.GetGetter()))
            .ToList();
        // SQLite looks a named parameter up by a linear search, so a statement of thousands of parameters costs the
        // square of that: one row per statement there, the same prepared statement executed again and again.
        var perStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, MaxParameters / columns.Count);
        var head = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ";

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync();
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 600;
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            command.Parameters.Clear();
            var sql = new StringBuilder(head);
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"@p{(r * columns.Count) + c}";
                    sql.Append(c == 0 ? name : ", " + name);
                    var column = columns[c];
                    command.Parameters.Add(Parameter(command, column.Mapping, name, column.Get.GetClrValueUsingContainingEntity(rows[start + r]), column.Property.IsNullable));
                }

                sql.Append(')');
            }

            var text = sql.ToString();
            if (command.CommandText != text)
            {
                command.CommandText = text;
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static DbParameter Parameter(DbCommand command, RelationalTypeMapping mapping, string name, object? value, bool nullable) =>
        mapping.CreateParameter(command, name, value, nullable);
}
