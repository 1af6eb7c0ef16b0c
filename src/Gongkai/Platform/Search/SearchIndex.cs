using System.Data.Common;
using System.Text;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Search;

/// <summary>
/// Writes and matches the full-text index inside the database (DESIGN §3): an FTS5 table on SQLite,
/// a tsvector column with a GIN index on PostgreSQL, both fed by <see cref="ChineseTokenizer"/>.
/// Writes join the caller's transaction, so a record and its index rows commit together.
/// </summary>
public abstract class SearchIndex
{
    public const int SectionLength = 1500;

    public static SearchIndex For(GongkaiDb db) => db.Database.IsNpgsql() ? new PostgresSearchIndex() : new SqliteSearchIndex();

    /// <summary>Creates what the generated migrations cannot express (the SQLite FTS5 table). Idempotent.</summary>
    public abstract Task EnsureSchemaAsync(GongkaiDb db, CancellationToken ct = default);

    /// <summary>Replaces the owner's sections with sections of the given texts (title first, then body …).</summary>
    public async Task ReplaceAsync(GongkaiDb db, string ownerType, Guid ownerId, IEnumerable<string?> texts, CancellationToken ct = default)
    {
        await RemoveAsync(db, ownerId, ct);
        var seq = 0;
        foreach (var section in Sections(texts))
        {
            var tokens = ChineseTokenizer.Tokenize(section);
            if (tokens.Bigrams.Count == 0)
            {
                continue;
            }

            await InsertAsync(db, ownerType, ownerId, seq++, section, tokens, ct);
        }
    }

    public abstract Task RemoveAsync(GongkaiDb db, Guid ownerId, CancellationToken ct = default);

    protected abstract Task InsertAsync(GongkaiDb db, string ownerType, Guid ownerId, int seq, string text, ChineseTokenizer.Tokens tokens, CancellationToken ct);

    /// <summary>
    /// SQL selecting (SectionId, OwnerId, Score) for sections matching every term; lower score is better.
    /// Parameters are added to <paramref name="parameters"/>.
    /// </summary>
    public abstract string MatchSql(SearchQuery query, List<object> parameters);

    /// <summary>How a Guid is compared in raw SQL on this provider.</summary>
    public abstract object GuidParameter(Guid id);

    /// <summary>Splits texts into sections at sentence ends where possible.</summary>
    public static IEnumerable<string> Sections(IEnumerable<string?> texts)
    {
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var rest = text.Trim();
            while (rest.Length > SectionLength)
            {
                var cut = rest.LastIndexOfAny(['。', '！', '？', '\n', '；'], SectionLength - 1, SectionLength / 2);
                cut = cut < 0 ? SectionLength : cut + 1;
                yield return rest[..cut];
                rest = rest[cut..].TrimStart();
            }

            if (rest.Length > 0)
            {
                yield return rest;
            }
        }
    }

    protected static async Task<long> InsertSectionAsync(GongkaiDb db, string ownerType, Guid ownerId, int seq, string text, CancellationToken ct)
    {
        var section = new SearchSection { OwnerType = ownerType, OwnerId = ownerId, Seq = seq, Text = text };
        db.Set<SearchSection>().Add(section);
        await db.SaveChangesAsync(ct);
        db.Entry(section).State = EntityState.Detached;
        return section.Id;
    }

    protected static async Task ExecuteAsync(GongkaiDb db, string sql, CancellationToken ct, params object[] parameters) =>
        await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);

    internal static DbParameter Parameter(GongkaiDb db, string name, object value)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        return p;
    }
}

internal sealed class SqliteSearchIndex : SearchIndex
{
    public override Task EnsureSchemaAsync(GongkaiDb db, CancellationToken ct = default) =>
        ExecuteAsync(db, "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(bi, uni, tokenize = 'unicode61 remove_diacritics 0')", ct);

    public override async Task RemoveAsync(GongkaiDb db, Guid ownerId, CancellationToken ct = default)
    {
        var owner = GuidParameter(ownerId);
        await ExecuteAsync(db, "DELETE FROM search_fts WHERE rowid IN (SELECT \"Id\" FROM search_sections WHERE \"OwnerId\" = {0})", ct, owner);
        await ExecuteAsync(db, "DELETE FROM search_sections WHERE \"OwnerId\" = {0}", ct, owner);
    }

    protected override async Task InsertAsync(GongkaiDb db, string ownerType, Guid ownerId, int seq, string text, ChineseTokenizer.Tokens tokens, CancellationToken ct)
    {
        var id = await InsertSectionAsync(db, ownerType, ownerId, seq, text, ct);
        await ExecuteAsync(db, "INSERT INTO search_fts(rowid, bi, uni) VALUES ({0}, {1}, {2})", ct, id, tokens.BigramText, tokens.UnigramText);
    }

    public override string MatchSql(SearchQuery query, List<object> parameters)
    {
        var match = new StringBuilder();
        foreach (var term in query.Terms)
        {
            if (match.Length > 0)
            {
                match.Append(" AND ");
            }

            match.Append(term.Unigram ? "uni:" : "bi:").Append('"').Append(string.Join(' ', term.Tokens)).Append('"');
        }

        parameters.Add(match.ToString());
        return $"SELECT s.\"Id\" AS SectionId, s.\"OwnerId\" AS OwnerId, bm25(search_fts, 1.0, 0.3) AS Score " +
               $"FROM search_fts JOIN search_sections s ON s.\"Id\" = search_fts.rowid WHERE search_fts MATCH {{{parameters.Count - 1}}}";
    }

    /// <summary>EF Core stores a Guid in SQLite as upper-case text.</summary>
    public override object GuidParameter(Guid id) => id.ToString().ToUpperInvariant();
}

internal sealed class PostgresSearchIndex : SearchIndex
{
    public override Task EnsureSchemaAsync(GongkaiDb db, CancellationToken ct = default) => Task.CompletedTask;

    public override Task RemoveAsync(GongkaiDb db, Guid ownerId, CancellationToken ct = default) =>
        ExecuteAsync(db, "DELETE FROM search_sections WHERE \"OwnerId\" = {0}", ct, ownerId);

    protected override async Task InsertAsync(GongkaiDb db, string ownerType, Guid ownerId, int seq, string text, ChineseTokenizer.Tokens tokens, CancellationToken ct)
    {
        var id = await InsertSectionAsync(db, ownerType, ownerId, seq, text, ct);
        await ExecuteAsync(db, "UPDATE search_sections SET \"Vector\" = {0}::tsvector WHERE \"Id\" = {1}", ct, VectorLiteral(tokens), id);
    }

    /// <summary>
    /// The tsvector is written as a literal built here, bypassing PostgreSQL's text parser (whose handling of
    /// Han characters depends on the server locale): bigrams at positions 1.., unigrams weighted D far beyond them.
    /// </summary>
    internal static string VectorLiteral(ChineseTokenizer.Tokens tokens)
    {
        var positions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string lexeme, string position)
        {
            if (!positions.TryGetValue(lexeme, out var list))
            {
                positions[lexeme] = list = [];
            }

            if (list.Count < 255)
            {
                list.Add(position);
            }
        }

        for (var i = 0; i < tokens.Bigrams.Count; i++)
        {
            Add(tokens.Bigrams[i], Math.Min(i + 1, 8000).ToString());
        }

        for (var i = 0; i < tokens.Unigrams.Count; i++)
        {
            Add("u:" + tokens.Unigrams[i], Math.Min(8001 + i, 16383) + "D");
        }

        return string.Join(' ', positions.Select(p => $"'{Escape(p.Key)}':{string.Join(',', p.Value)}"));
    }

    public override string MatchSql(SearchQuery query, List<object> parameters)
    {
        var parts = query.Terms.Select(t => t.Unigram
            ? $"'u:{Escape(t.Tokens[0])}'"
            : "(" + string.Join(" <-> ", t.Tokens.Select(x => $"'{Escape(x)}'")) + ")");
        parameters.Add(string.Join(" & ", parts));
        var p = $"{{{parameters.Count - 1}}}::tsquery";
        return $"SELECT s.\"Id\" AS SectionId, s.\"OwnerId\" AS OwnerId, -ts_rank_cd(s.\"Vector\", {p}) AS Score " +
               $"FROM search_sections s WHERE s.\"Vector\" @@ {p}";
    }

    public override object GuidParameter(Guid id) => id;

    private static string Escape(string lexeme) => lexeme.Replace("\\", "\\\\").Replace("'", "''");
}
