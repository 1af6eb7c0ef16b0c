using System.Globalization;
using System.Text;
using Gongkai.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Platform.Search;

/// <summary>
/// SQLite: a contentless FTS5 table (the texts live with their owners) whose rowid is the entry's id, with four
/// columns — the title line's bigrams and unigrams, and the whole record's bigrams and unigrams. contentless_delete
/// lets a withdrawn record's row be deleted, and a re-indexed record's row be replaced under the same rowid.
/// </summary>
internal sealed class SqliteSearchIndex : SearchIndex
{
    internal const string FtsDefinition = "fts5(tbi, tuni, abi, auni, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')";

    public override async Task EnsureSchemaAsync(GongkaiDb db, CancellationToken ct = default)
    {
        var existing = (await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_schema WHERE type = 'table' AND name = 'search_fts'").ToListAsync(ct)).SingleOrDefault();
        if (existing is not null && existing.Contains(FtsDefinition, StringComparison.Ordinal))
        {
            return;
        }

        // An index of an earlier form (one row per section) is dropped; its owners are indexed again by their modules.
        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        await ExecuteAsync(db, "DROP TABLE IF EXISTS search_fts", ct);
        await ExecuteAsync(db, "DELETE FROM search_entries", ct);
        await ExecuteAsync(db, $"CREATE VIRTUAL TABLE search_fts USING {FtsDefinition}", ct);
        await tx.CommitAsync(ct);
    }

    public override async Task RemoveAsync(GongkaiDb db, Guid ownerId, CancellationToken ct = default)
    {
        var owner = GuidParameter(ownerId);
        await ExecuteAsync(db, "DELETE FROM search_fts WHERE rowid IN (SELECT \"Id\" FROM search_entries WHERE \"OwnerId\" = {0})", ct, owner);
        await ExecuteAsync(db, "DELETE FROM search_entries WHERE \"OwnerId\" = {0}", ct, owner);
    }

    public override async Task RemoveAllAsync(GongkaiDb db, string ownerType, CancellationToken ct = default)
    {
        await ExecuteAsync(db, "DELETE FROM search_fts WHERE rowid IN (SELECT \"Id\" FROM search_entries WHERE \"OwnerType\" = {0})", ct, ownerType);
        await ExecuteAsync(db, "DELETE FROM search_entries WHERE \"OwnerType\" = {0}", ct, ownerType);
    }

    protected override Task InsertAsync(GongkaiDb db, long id, Tokens tokens, CancellationToken ct)
    {
        var c = Encode(tokens);
        return ExecuteAsync(db, "INSERT INTO search_fts (rowid, tbi, tuni, abi, auni) VALUES ({0}, {1}, {2}, {3}, {4})", ct, id, c[0], c[1], c[2], c[3]);
    }

    protected override async Task UpdateAsync(GongkaiDb db, long id, Tokens tokens, CancellationToken ct)
    {
        await ExecuteAsync(db, "DELETE FROM search_fts WHERE rowid = {0}", ct, id);
        await InsertAsync(db, id, tokens, ct);
    }

    internal override string[] Encode(Tokens tokens) =>
        [tokens.Title.BigramText, tokens.Title.UnigramText, tokens.All.BigramText, tokens.All.UnigramText];

    /// <summary>
    /// Prepared statements over the open connection: entries with ids after the highest ever used (AUTOINCREMENT's
    /// rule; the write transaction holds SQLite's write lock), and their FTS5 rows under the same rowid.
    /// </summary>
    public override async Task WriteAsync(GongkaiDb db, Batch batch, CancellationToken ct = default)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("批量写入索引须在事务中进行。");
        long next;
        await using (var max = connection.CreateCommand())
        {
            max.Transaction = transaction;
            max.CommandText = "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'search_entries'), 0), COALESCE((SELECT MAX(\"Id\") FROM search_entries), 0))";
            next = Convert.ToInt64(await max.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) + 1;
        }

        await using var entry = connection.CreateCommand();
        entry.Transaction = transaction;
        entry.CommandText = "INSERT INTO search_entries (\"Id\", \"OwnerType\", \"OwnerId\") VALUES ($id, $type, $owner)";
        var eId = entry.Parameters.Add("$id", SqliteType.Integer);
        entry.Parameters.Add("$type", SqliteType.Text).Value = batch.OwnerType;
        var eOwner = entry.Parameters.Add("$owner", SqliteType.Text);
        await using var fts = connection.CreateCommand();
        fts.Transaction = transaction;
        fts.CommandText = "INSERT INTO search_fts (rowid, tbi, tuni, abi, auni) VALUES ($id, $c0, $c1, $c2, $c3)";
        var fId = fts.Parameters.Add("$id", SqliteType.Integer);
        var columns = Enumerable.Range(0, 4).Select(i => fts.Parameters.Add($"$c{i}", SqliteType.Text)).ToArray();
        entry.Prepare();
        fts.Prepare();
        foreach (var row in batch.Rows)
        {
            var id = next++;
            eId.Value = id;
            eOwner.Value = GuidParameter(row.OwnerId);
            await entry.ExecuteNonQueryAsync(ct);
            fId.Value = id;
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i].Value = row.Columns[i];
            }

            await fts.ExecuteNonQueryAsync(ct);
        }
    }

    /// <remarks>Newest first is FTS5's own rowid order read backwards, so no matching row needs sorting.</remarks>
    public override Match MatchSql(SearchQuery query, Field field, bool exceptTitle, List<object> parameters)
    {
        var match = Expression(query, field);
        if (exceptTitle)
        {
            match = $"({match}) NOT ({Expression(query, Field.Title)})";
        }

        return new Match("search_fts JOIN search_entries e ON e.\"Id\" = search_fts.rowid", $"search_fts MATCH {Placeholder(parameters, match)}", "search_fts.rowid DESC");
    }

    /// <summary>bm25 over the title columns only (it is negative; lower is better).</summary>
    public override string TitleRankSql(SearchQuery query, List<object> parameters) => "bm25(search_fts, 1.0, 1.0, 0.0, 0.0)";

    private static string Expression(SearchQuery query, Field field)
    {
        var sb = new StringBuilder();
        foreach (var term in query.Terms)
        {
            if (sb.Length > 0)
            {
                sb.Append(" AND ");
            }

            var column = (field, term.Unigram) switch
            {
                (Field.Title, false) => "tbi",
                (Field.Title, true) => "tuni",
                (_, false) => "abi",
                _ => "auni",
            };
            sb.Append('{').Append(column).Append("}: \"").Append(Quote(string.Join(' ', term.Tokens), '"')).Append('"');
        }

        return sb.ToString();
    }

    /// <summary>EF Core stores a Guid in SQLite as upper-case text.</summary>
    public override object GuidParameter(Guid id) => id.ToString().ToUpperInvariant();
}
