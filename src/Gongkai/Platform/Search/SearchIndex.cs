using System.Text;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Search;

/// <summary>The text of one searchable record: its title line (title, number, keywords) and its body.</summary>
public sealed record SearchText(string Title, string Body);

/// <summary>
/// Writes and matches the full-text index inside the database (docs/DESIGN.md §3): an FTS5 table on SQLite, tsvector
/// columns with GIN indexes on PostgreSQL, both fed by <see cref="ChineseTokenizer"/>. One entry per record, with
/// two fields: the title line alone (for ranking) and the whole record (for matching). Writes join the caller's
/// transaction, so a record and its index entry commit together.
/// </summary>
public abstract class SearchIndex
{
    public static SearchIndex For(GongkaiDb db) => db.Database.IsNpgsql() ? new PostgresSearchIndex() : new SqliteSearchIndex();

    /// <summary>Creates what the generated migrations cannot express (the SQLite FTS5 table). Idempotent.</summary>
    public abstract Task EnsureSchemaAsync(GongkaiDb db, CancellationToken ct = default);

    /// <summary>The tokens of an entry: the title line's and the whole record's (title line, then body).</summary>
    public sealed record Tokens(ChineseTokenizer.Tokens Title, ChineseTokenizer.Tokens All)
    {
        public static Tokens Of(SearchText text) =>
            new(ChineseTokenizer.Tokenize(text.Title), ChineseTokenizer.Tokenize(text.Title + "\n" + text.Body));
    }

    /// <summary>Indexes the owner, or re-indexes it under the entry it already has (its place in the order is kept).</summary>
    public async Task ReplaceAsync(GongkaiDb db, string ownerType, Guid ownerId, SearchText text, CancellationToken ct = default)
    {
        var tokens = Tokens.Of(text);
        await DatabaseSearchVersion.BumpAsync(db, ct);
        var existing = await db.Set<SearchEntry>().Where(e => e.OwnerId == ownerId).Select(e => (long?)e.Id).SingleOrDefaultAsync(ct);
        if (existing is { } id)
        {
            await UpdateAsync(db, id, tokens, ct);
            return;
        }

        await PrepareInsertAsync(db, 1, ct);
        var entry = new SearchEntry { OwnerType = ownerType, OwnerId = ownerId };
        db.Set<SearchEntry>().Add(entry);
        await db.SaveChangesAsync(ct);
        db.Entry(entry).State = EntityState.Detached;
        await InsertAsync(db, entry.Id, tokens, ct);
    }

    /// <summary>Removes the owner's entry (and moves the index's version, <see cref="SearchIndexVersion"/>).</summary>
    public async Task RemoveAsync(GongkaiDb db, Guid ownerId, CancellationToken ct = default)
    {
        await DatabaseSearchVersion.BumpAsync(db, ct);
        await RemoveEntryAsync(db, ownerId, ct);
    }

    /// <summary>Removes every entry of one owner type, before that module indexes its records again.</summary>
    public async Task RemoveAllAsync(GongkaiDb db, string ownerType, CancellationToken ct = default)
    {
        await DatabaseSearchVersion.BumpAsync(db, ct);
        await RemoveEntriesAsync(db, ownerType, ct);
    }

    protected abstract Task RemoveEntryAsync(GongkaiDb db, Guid ownerId, CancellationToken ct);

    protected abstract Task RemoveEntriesAsync(GongkaiDb db, string ownerType, CancellationToken ct);

    /// <summary>Makes room for <paramref name="count"/> new entries (PostgreSQL: the partitions their ids will fall in).</summary>
    protected virtual Task PrepareInsertAsync(GongkaiDb db, int count, CancellationToken ct) => Task.CompletedTask;

    protected abstract Task InsertAsync(GongkaiDb db, long id, Tokens tokens, CancellationToken ct);

    protected abstract Task UpdateAsync(GongkaiDb db, long id, Tokens tokens, CancellationToken ct);

    /// <summary>Entries made ready for a bulk write: tokenized and encoded for this provider, not yet in the database.</summary>
    public sealed class Batch
    {
        internal Batch(string ownerType, List<Row> rows)
        {
            OwnerType = ownerType;
            Rows = rows;
        }

        public string OwnerType { get; }
        internal List<Row> Rows { get; }
        public int Count => Rows.Count;
    }

    /// <summary>One entry to write, encoded for the provider (FTS5 column texts, or tsvector literals).</summary>
    internal readonly record struct Row(Guid OwnerId, string[] Columns);

    /// <summary>
    /// Tokenizes the texts of many new owners (none indexed yet) for <see cref="WriteAsync"/>. CPU only and
    /// thread-safe, so a bulk import can prepare the next batch while the database writes this one.
    /// </summary>
    public Batch Prepare(string ownerType, IEnumerable<(Guid OwnerId, SearchText Text)> owners) =>
        new(ownerType, owners.Select(o => new Row(o.OwnerId, Encode(Tokens.Of(o.Text)))).ToList());

    internal abstract string[] Encode(Tokens tokens);

    /// <summary>Writes prepared entries in the caller's transaction, with the same content <see cref="ReplaceAsync"/> writes.</summary>
    public async Task WriteAsync(GongkaiDb db, Batch batch, CancellationToken ct = default)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await DatabaseSearchVersion.BumpAsync(db, ct);
        await WriteEntriesAsync(db, batch, ct);
    }

    protected abstract Task WriteEntriesAsync(GongkaiDb db, Batch batch, CancellationToken ct);

    /// <summary>Which field a match looks in.</summary>
    public enum Field
    {
        /// <summary>The title line (标题、文号、关键词).</summary>
        Title,
        /// <summary>Anywhere in the record.</summary>
        All,
    }

    /// <summary>
    /// A range of entry ids [<paramref name="From"/>, <paramref name="To"/>), or the whole index when both are null. Queries
    /// walk the segments newest first and stop once they have what they need, so a query's cost depends on how many
    /// matches it reads, not on the size of the index.
    /// </summary>
    public sealed record Segment(long? From, long? To)
    {
        public static readonly Segment Whole = new(null, null);
    }

    /// <summary>The index's segments, newest first. One segment unless the provider partitions the index.</summary>
    public virtual Task<IReadOnlyList<Segment>> SegmentsAsync(GongkaiDb db, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Segment>>([Segment.Whole]);

    /// <summary>
    /// Sets up the connection for a series of index reads (PostgreSQL: matches are read through the GIN indexes,
    /// never by checking stored vectors row by row). Dispose when the reads are done.
    /// </summary>
    public virtual Task<IAsyncDisposable> BeginReadAsync(GongkaiDb db, CancellationToken ct = default) =>
        Task.FromResult<IAsyncDisposable>(NoScope.Instance);

    /// <summary>
    /// The FROM and WHERE parts of a match, the ORDER BY expression for newest entries first, the join keyword that
    /// keeps the index as the driving table when the caller joins its own rows, and the expression of the entry id
    /// the index itself can restrict (for reading on past the last entry seen).
    /// </summary>
    public sealed record Match(string From, string Where, string NewestFirst, string Join = "JOIN", string EntryId = "e.\"Id\"");

    /// <summary>
    /// SQL over the index within one segment, with the search_entries row aliased <c>e</c> ("Id", "OwnerId"), for entries
    /// matching every term in <paramref name="field"/>. Parameters are added to <paramref name="parameters"/>.
    /// </summary>
    public abstract Match MatchSql(SearchQuery query, Field field, Segment segment, List<object> parameters);

    /// <summary>The given entries (all matching the query in their title line), best title score first, then newest first.</summary>
    public abstract Task<List<long>> RankTitlesAsync(GongkaiDb db, SearchQuery query, IReadOnlyCollection<long> entryIds, CancellationToken ct = default);

    private sealed class NoScope : IAsyncDisposable
    {
        public static readonly NoScope Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>How a Guid is compared in raw SQL on this provider.</summary>
    public abstract object GuidParameter(Guid id);

    /// <summary>Splits a text into pieces at sentence ends, for snippets.</summary>
    public static IEnumerable<string> Sentences(string? text, int length = 1500)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var rest = text.Trim();
        while (rest.Length > length)
        {
            var cut = rest.LastIndexOfAny(['。', '！', '？', '\n', '；'], length - 1, length / 2);
            cut = cut < 0 ? length : cut + 1;
            yield return rest[..cut];
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    protected static async Task ExecuteAsync(GongkaiDb db, string sql, CancellationToken ct, params object[] parameters) =>
        await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);

    /// <summary>A phrase's tokens for a MATCH or tsquery text, quotes doubled.</summary>
    protected static string Quote(string token, char quote) => token.Replace(quote.ToString(), new string(quote, 2));

    protected static string Placeholder(List<object> parameters, object value)
    {
        parameters.Add(value);
        return $"{{{parameters.Count - 1}}}";
    }

    internal static StringBuilder AppendCopyField(StringBuilder sb, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                default: sb.Append(c); break;
            }
        }

        return sb;
    }
}
