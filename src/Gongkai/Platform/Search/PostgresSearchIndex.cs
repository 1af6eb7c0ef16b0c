using System.Globalization;
using System.Text;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Search;

/// <summary>
/// PostgreSQL: two tsvector columns on search_entries, each with a GIN index — the title line (for ranking with
/// ts_rank_cd) and the whole record (for matching). Vectors are written as literals built here, bypassing
/// PostgreSQL's text parser, whose handling of Han characters depends on the server's locale. The table is
/// partitioned by ranges of entry ids (migration SearchPartitions); each partition is one <see cref="SearchIndex.Segment"/>.
/// </summary>
internal sealed class PostgresSearchIndex : SearchIndex
{
    /// <summary>PostgreSQL's largest tsvector position; later bigrams share it (phrases past it match as words).</summary>
    private const int MaxPosition = 16383;

    public override Task EnsureSchemaAsync(GongkaiDb db, CancellationToken ct = default) => Task.CompletedTask;

    protected override Task RemoveEntryAsync(GongkaiDb db, Guid ownerId, CancellationToken ct) =>
        ExecuteAsync(db, "DELETE FROM search_entries WHERE \"OwnerId\" = {0}", ct, ownerId);

    protected override Task RemoveEntriesAsync(GongkaiDb db, string ownerType, CancellationToken ct) =>
        ExecuteAsync(db, "DELETE FROM search_entries WHERE \"OwnerType\" = {0}", ct, ownerType);

    protected override Task InsertAsync(GongkaiDb db, long id, Tokens tokens, CancellationToken ct) => UpdateAsync(db, id, tokens, ct);

    protected override Task UpdateAsync(GongkaiDb db, long id, Tokens tokens, CancellationToken ct)
    {
        var c = Encode(tokens);
        return ExecuteAsync(db, "UPDATE search_entries SET \"TitleVector\" = {0}::tsvector, \"AllVector\" = {1}::tsvector WHERE \"Id\" = {2}", ct, c[0], c[1], id);
    }

    internal override string[] Encode(Tokens tokens) => [VectorLiteral(tokens.Title, unigramPositions: true), VectorLiteral(tokens.All, unigramPositions: false)];

    /// <summary>COPY in text format: the vectors are read by the same tsvector input function as the casts above.</summary>
    protected override async Task WriteEntriesAsync(GongkaiDb db, Batch batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("批量写入索引须在事务中进行。");
        }

        await PrepareInsertAsync(db, batch.Count, ct);
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginTextImportAsync(
            "COPY search_entries (\"OwnerType\", \"OwnerId\", \"TitleVector\", \"AllVector\") FROM STDIN", ct);
        var type = AppendCopyField(new StringBuilder(), batch.OwnerType).ToString();
        var line = new StringBuilder();
        foreach (var row in batch.Rows)
        {
            line.Clear().Append(type).Append('\t').Append(row.OwnerId.ToString("D")).Append('\t');
            AppendCopyField(line, row.Columns[0]).Append('\t');
            AppendCopyField(line, row.Columns[1]).Append('\n');
            await writer.WriteAsync(line, ct);
        }
    }

    /// <summary>
    /// Bigrams at positions 1.. (phrase-searchable); unigrams as "u:字", after the bigrams when positions are wanted
    /// (the short title line, for ranking) and without positions otherwise (one-character queries need only presence).
    /// </summary>
    internal static string VectorLiteral(ChineseTokenizer.Tokens tokens, bool unigramPositions)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        void Add(string lexeme, int? position)
        {
            if (!positions.TryGetValue(lexeme, out var list))
            {
                positions[lexeme] = list = [];
            }

            if (position is { } p && list.Count < 255)
            {
                list.Add(p);
            }
        }

        for (var i = 0; i < tokens.Bigrams.Count; i++)
        {
            Add(tokens.Bigrams[i], Math.Min(i + 1, MaxPosition));
        }

        for (var i = 0; i < tokens.Unigrams.Count; i++)
        {
            Add("u:" + tokens.Unigrams[i], unigramPositions ? Math.Min(tokens.Bigrams.Count + 1 + i, MaxPosition) : null);
        }

        var sb = new StringBuilder();
        foreach (var (lexeme, list) in positions)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append('\'').Append(Escape(lexeme)).Append('\'');
            if (list.Count > 0)
            {
                sb.Append(':').AppendJoin(',', list.Select(p => p.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The partitions up to the last id given, newest first — read from the sequence, as MIN/MAX would scan every
    /// partition with index scans off (<c>search_partitions</c>, kept by
    /// <c>gongkai_ensure_search_partitions</c>; see the SearchPartitions migration).
    /// </summary>
    public override async Task<IReadOnlyList<Segment>> SegmentsAsync(GongkaiDb db, CancellationToken ct = default)
    {
        var ranges = await db.Database.SqlQueryRaw<Range>(
            "SELECT p.\"From\", p.\"To\" FROM search_partitions p WHERE p.\"From\" <= (SELECT s.last_value FROM search_entries_id_seq s) " +
            "ORDER BY p.\"From\" DESC").ToListAsync(ct);
        return ranges.Select(r => new Segment(r.From, r.To)).ToList();
    }

    private sealed record Range(long From, long To);

    /// <summary>
    /// The planner would otherwise walk the primary key newest first and test each row's stored vector — a TOAST read
    /// and decompression per row, ruinous for rare terms. The GIN indexes answer every match instead.
    /// </summary>
    public override async Task<IAsyncDisposable> BeginReadAsync(GongkaiDb db, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await base.BeginReadAsync(db, ct);
        }

        var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off", ct);
        return tx;
    }

    /// <remarks>The segment's bounds are literals, so the planner reads only its partition.</remarks>
    public override Match MatchSql(SearchQuery query, Field field, Segment segment, List<object> parameters)
    {
        var where = $"e.\"{(field == Field.Title ? "TitleVector" : "AllVector")}\" @@ {Placeholder(parameters, TsQuery(query))}::tsquery";
        if (segment.From is { } from)
        {
            where += string.Create(CultureInfo.InvariantCulture, $" AND e.\"Id\" >= {from}");
        }

        if (segment.To is { } to)
        {
            where += string.Create(CultureInfo.InvariantCulture, $" AND e.\"Id\" < {to}");
        }

        return new Match("search_entries e", where, "e.\"Id\" DESC");
    }

    /// <summary>ts_rank_cd over the title vectors of the given entries (their id range bounds the partitions read).</summary>
    public override async Task<List<long>> RankTitlesAsync(GongkaiDb db, SearchQuery query, IReadOnlyCollection<long> entryIds, CancellationToken ct = default)
    {
        if (entryIds.Count == 0)
        {
            return [];
        }

        var ids = entryIds.ToArray();
        return await db.Database.SqlQueryRaw<long>(
            "SELECT \"Id\" AS \"Value\" FROM search_entries WHERE \"Id\" = ANY({0}) AND \"Id\" >= {1} AND \"Id\" <= {2} " +
            "ORDER BY ts_rank_cd(\"TitleVector\", {3}::tsquery) DESC, \"Id\" DESC", ids, ids.Min(), ids.Max(), TsQuery(query)).ToListAsync(ct);
    }

    /// <summary>Partitions for the ids the next <paramref name="count"/> entries will take, with one whole partition to spare.</summary>
    protected override Task PrepareInsertAsync(GongkaiDb db, int count, CancellationToken ct) =>
        ExecuteAsync(db, "SELECT gongkai_ensure_search_partitions({0})", ct, (long)count);

    /// <summary>
    /// Every term: a quoted phrase with &lt;-&gt; (GIN cannot check positions, so each candidate's vector is read),
    /// otherwise its tokens with &amp;, which the GIN index answers alone.
    /// </summary>
    private static string TsQuery(SearchQuery query) => string.Join(" & ", query.Terms.Select(t => t.Unigram
        ? $"'u:{Escape(t.Tokens[0])}'"
        : "(" + string.Join(t.Phrase ? " <-> " : " & ", (t.Phrase ? t.Tokens : t.Tokens.Distinct()).Select(x => $"'{Escape(x)}'")) + ")"));

    public override object GuidParameter(Guid id) => id;

    private static string Escape(string lexeme) => lexeme.Replace("\\", "\\\\").Replace("'", "''");
}
