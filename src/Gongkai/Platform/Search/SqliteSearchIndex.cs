using System.Globalization;
using Gongkai.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Platform.Search;

/// <summary>
/// SQLite: two contentless FTS5 tables (the texts live with their owners) whose rowid is the entry's id — one for the
/// title line, one for the whole record, each with a bigram and a unigram column. The title has its own table so
/// that ranking title matches reads only the short title doclists, not every occurrence in every body.
/// contentless_delete lets a withdrawn record's rows be deleted, and a re-indexed record's replaced under the same rowid.
/// </summary>
internal sealed class SqliteSearchIndex : SearchIndex
{
    private const string Options = "content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'";
    internal const string TitleDefinition = $"fts5(bi, uni, {Options})";
    internal const string AllDefinition = $"fts5(bi, uni, {Options})";

    public override async Task EnsureSchemaAsync(GongkaiDb db, CancellationToken ct = default)
    {
        var existing = await db.Database.SqlQueryRaw<string>(
            "SELECT name || ' ' || sql AS \"Value\" FROM sqlite_schema WHERE type = 'table' AND name IN ('search_fts', 'search_title_fts')").ToListAsync(ct);
        if (existing.Contains($"search_fts CREATE VIRTUAL TABLE search_fts USING {AllDefinition}")
            && existing.Contains($"search_title_fts CREATE VIRTUAL TABLE search_title_fts USING {TitleDefinition}"))
        {
            return;
        }

        // An index of an earlier form is dropped; its owners are indexed again by their modules.
        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        await ExecuteAsync(db, "DROP TABLE IF EXISTS search_fts", ct);
        await ExecuteAsync(db, "DROP TABLE IF EXISTS search_title_fts", ct);
        await ExecuteAsync(db, "DELETE FROM search_entries", ct);
        await ExecuteAsync(db, $"CREATE VIRTUAL TABLE search_fts USING {AllDefinition}", ct);
        await ExecuteAsync(db, $"CREATE VIRTUAL TABLE search_title_fts USING {TitleDefinition}", ct);
        await tx.CommitAsync(ct);
    }

    protected override async Task RemoveEntryAsync(GongkaiDb db, Guid ownerId, CancellationToken ct)
    {
        var owner = GuidParameter(ownerId);
        await ExecuteAsync(db, "DELETE FROM search_fts WHERE rowid IN (SELECT \"Id\" FROM search_entries WHERE \"OwnerId\" = {0})", ct, owner);
        await ExecuteAsync(db, "DELETE FROM search_title_fts WHERE rowid IN (SELECT \"Id\" FROM search_entries WHERE \"OwnerId\" = {0})", ct, owner);
        await ExecuteAsync(db, "DELETE FROM search_entries WHERE \"OwnerId\" = {0}", ct, owner);
    }

    protected override async Task RemoveEntriesAsync(GongkaiDb db, string ownerType, CancellationToken ct)
    {
        await ExecuteAsync(db, "DELETE FROM search_fts WHERE rowid IN (SELECT \"Id\" FROM search_entries WHERE \"OwnerType\" = {0})", ct, ownerType);
        await ExecuteAsync(db, "DELETE FROM search_title_fts WHERE rowid IN (SELECT \"Id\" FROM search_entries WHERE \"OwnerType\" = {0})", ct, ownerType);
        await ExecuteAsync(db, "DELETE FROM search_entries WHERE \"OwnerType\" = {0}", ct, ownerType);
    }

    protected override async Task InsertAsync(GongkaiDb db, long id, Tokens tokens, CancellationToken ct)
    {
        var c = Encode(tokens);
        await ExecuteAsync(db, "INSERT INTO search_title_fts (rowid, bi, uni) VALUES ({0}, {1}, {2})", ct, id, c[0], c[1]);
        await ExecuteAsync(db, "INSERT INTO search_fts (rowid, bi, uni) VALUES ({0}, {1}, {2})", ct, id, c[2], c[3]);
    }

    protected override async Task UpdateAsync(GongkaiDb db, long id, Tokens tokens, CancellationToken ct)
    {
        await ExecuteAsync(db, "DELETE FROM search_title_fts WHERE rowid = {0}", ct, id);
        await ExecuteAsync(db, "DELETE FROM search_fts WHERE rowid = {0}", ct, id);
        await InsertAsync(db, id, tokens, ct);
    }

    internal override string[] Encode(Tokens tokens) =>
        [tokens.Title.BigramText, tokens.Title.UnigramText, tokens.All.BigramText, tokens.All.UnigramText];

    /// <summary>
    /// Prepared statements over the open connection: entries with ids after the highest ever used (AUTOINCREMENT's
    /// rule; the write transaction holds SQLite's write lock), and their FTS5 rows under the same rowid.
    /// </summary>
    protected override async Task WriteEntriesAsync(GongkaiDb db, Batch batch, CancellationToken ct)
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
        fts.CommandText = "INSERT INTO search_title_fts (rowid, bi, uni) VALUES ($id, $c0, $c1); INSERT INTO search_fts (rowid, bi, uni) VALUES ($id, $c2, $c3)";
        var fId = fts.Parameters.Add("$id", SqliteType.Integer);
        var columns = Enumerable.Range(0, 4).Select(i => fts.Parameters.Add($"$c{i}", SqliteType.Text)).ToArray();
        entry.Prepare();
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
    public override Match MatchSql(SearchQuery query, Field field, Segment segment, List<object> parameters)
    {
        // CROSS JOIN fixes SQLite's join order: the matches drive, rather than a scan of the joined table's index.
        var table = field == Field.Title ? "search_title_fts" : "search_fts";
        return new Match($"{table} CROSS JOIN search_entries e ON e.\"Id\" = {table}.rowid", $"{table} MATCH {Placeholder(parameters, Expression(query))}",
            $"{table}.rowid DESC", "CROSS JOIN", $"{table}.rowid");
    }

    /// <summary>bm25 over the title table, within the rowid range of the given entries (a range FTS5 applies itself).</summary>
    public override async Task<List<long>> RankTitlesAsync(GongkaiDb db, SearchQuery query, IReadOnlyCollection<long> entryIds, CancellationToken ct = default)
    {
        if (entryIds.Count == 0)
        {
            return [];
        }

        var wanted = entryIds.ToHashSet();
        var ranked = await db.Database.SqlQueryRaw<long>(
            "SELECT rowid AS \"Value\" FROM search_title_fts WHERE search_title_fts MATCH {0} AND rowid >= {1} AND rowid <= {2} " +
            "ORDER BY bm25(search_title_fts), rowid DESC", Expression(query), wanted.Min(), wanted.Max()).ToListAsync(ct);
        return ranked.Where(wanted.Contains).ToList();
    }

    /// <summary>Every term: a quoted phrase as an FTS5 phrase, otherwise each of its tokens.</summary>
    private static string Expression(SearchQuery query) => string.Join(" AND ", query.Terms.SelectMany(term =>
        term.Phrase
            ? ["{bi}: \"" + Quote(string.Join(' ', term.Tokens), '"') + "\""]
            : term.Tokens.Distinct().Select(t => (term.Unigram ? "{uni}: \"" : "{bi}: \"") + Quote(t, '"') + "\"")));

    /// <summary>EF Core stores a Guid in SQLite as upper-case text.</summary>
    public override object GuidParameter(Guid id) => id.ToString().ToUpperInvariant();
}
