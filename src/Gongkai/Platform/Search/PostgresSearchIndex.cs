using System.Globalization;
using System.Text;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Search;

/// <summary>
/// PostgreSQL: two tsvector columns on search_entries, each with a GIN index — the title line (for ranking with
/// ts_rank_cd) and the whole record (for matching). Vectors are written as literals built here, bypassing
/// PostgreSQL's text parser, whose handling of Han characters depends on the server's locale.
/// </summary>
internal sealed class PostgresSearchIndex : SearchIndex
{
    /// <summary>PostgreSQL's largest tsvector position; later bigrams share it (phrases past it match as words).</summary>
    private const int MaxPosition = 16383;

    public override Task EnsureSchemaAsync(GongkaiDb db, CancellationToken ct = default) => Task.CompletedTask;

    public override Task RemoveAsync(GongkaiDb db, Guid ownerId, CancellationToken ct = default) =>
        ExecuteAsync(db, "DELETE FROM search_entries WHERE \"OwnerId\" = {0}", ct, ownerId);

    public override Task RemoveAllAsync(GongkaiDb db, string ownerType, CancellationToken ct = default) =>
        ExecuteAsync(db, "DELETE FROM search_entries WHERE \"OwnerType\" = {0}", ct, ownerType);

    protected override Task InsertAsync(GongkaiDb db, long id, Tokens tokens, CancellationToken ct) => UpdateAsync(db, id, tokens, ct);

    protected override Task UpdateAsync(GongkaiDb db, long id, Tokens tokens, CancellationToken ct)
    {
        var c = Encode(tokens);
        return ExecuteAsync(db, "UPDATE search_entries SET \"TitleVector\" = {0}::tsvector, \"AllVector\" = {1}::tsvector WHERE \"Id\" = {2}", ct, c[0], c[1], id);
    }

    internal override string[] Encode(Tokens tokens) => [VectorLiteral(tokens.Title, unigramPositions: true), VectorLiteral(tokens.All, unigramPositions: false)];

    /// <summary>COPY in text format: the vectors are read by the same tsvector input function as the casts above.</summary>
    public override async Task WriteAsync(GongkaiDb db, Batch batch, CancellationToken ct = default)
    {
        if (batch.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("批量写入索引须在事务中进行。");
        }

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

    public override Match MatchSql(SearchQuery query, Field field, bool exceptTitle, List<object> parameters)
    {
        var p = Placeholder(parameters, TsQuery(query));
        var titleSet = $"e.\"TitleVector\" @@ {p}::tsquery AND e.\"Id\" >= COALESCE((SELECT t.\"Id\" FROM search_entries t WHERE t.\"TitleVector\" @@ {p}::tsquery " +
                       $"ORDER BY t.\"Id\" DESC OFFSET {RankedTitleMatches - 1} LIMIT 1), 0)";
        if (field == Field.Title)
        {
            return new Match("search_entries e", titleSet, "e.\"Id\" DESC");
        }

        var where = $"e.\"AllVector\" @@ {p}::tsquery";
        return new Match("search_entries e", exceptTitle ? $"{where} AND NOT ({titleSet})" : where, "e.\"Id\" DESC");
    }

    /// <summary>ts_rank_cd over the title vector, negated so lower is better.</summary>
    public override string TitleRankSql(SearchQuery query, List<object> parameters) =>
        $"-ts_rank_cd(e.\"TitleVector\", {Placeholder(parameters, TsQuery(query))}::tsquery)";

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
