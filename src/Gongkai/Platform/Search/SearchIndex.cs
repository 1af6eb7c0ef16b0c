using System.Data.Common;
using System.Text;
using Gongkai.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
        foreach (var (seq, section, tokens) in IndexedSections(texts))
        {
            await InsertAsync(db, ownerType, ownerId, seq, section, tokens, ct);
        }
    }

    /// <summary>
    /// What is indexed for an owner's texts, numbered as stored: every section with at least one token.
    /// <see cref="ReplaceAsync"/> and the bulk path (<see cref="Prepare"/>, <see cref="WriteAsync"/>) both use it, so
    /// a record indexed either way has the same rows.
    /// </summary>
    public static IEnumerable<(int Seq, string Text, ChineseTokenizer.Tokens Tokens)> IndexedSections(IEnumerable<string?> texts)
    {
        var seq = 0;
        foreach (var section in Sections(texts))
        {
            var tokens = ChineseTokenizer.Tokenize(section);
            if (tokens.Bigrams.Count > 0)
            {
                yield return (seq++, section, tokens);
            }
        }
    }

    /// <summary>Index rows made ready for a bulk write: tokenized and encoded for this provider, not yet in the database.</summary>
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

    /// <summary>One section to write: for SQLite the FTS5 columns (bigrams, unigrams), for PostgreSQL the tsvector literal.</summary>
    internal readonly record struct Row(Guid OwnerId, int Seq, string Text, string Index1, string? Index2);

    /// <summary>
    /// Tokenizes the texts of many new owners (no rows of theirs may exist yet) for <see cref="WriteAsync"/>.
    /// CPU only and thread-safe, so a bulk import can prepare the next batch while the database writes this one.
    /// </summary>
    public Batch Prepare(string ownerType, IEnumerable<(Guid OwnerId, IEnumerable<string?> Texts)> owners)
    {
        var rows = new List<Row>();
        foreach (var (ownerId, texts) in owners)
        {
            foreach (var (seq, text, tokens) in IndexedSections(texts))
            {
                rows.Add(Encode(ownerId, seq, text, tokens));
            }
        }

        return new Batch(ownerType, rows);
    }

    internal abstract Row Encode(Guid ownerId, int seq, string text, ChineseTokenizer.Tokens tokens);

    /// <summary>Writes prepared rows in the caller's transaction, with the same content <see cref="ReplaceAsync"/> writes.</summary>
    public abstract Task WriteAsync(GongkaiDb db, Batch batch, CancellationToken ct = default);

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
    /// <summary>
    /// The FTS5 table is contentless (the section text lives in search_sections; the token columns are needed only
    /// to build the index), with contentless_delete so a withdrawn document's rows can still be deleted. An index of
    /// the first form, which also stored the token text, is converted in place at start-up.
    /// </summary>
    internal const string FtsDefinition = "fts5(bi, uni, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')";

    public override async Task EnsureSchemaAsync(GongkaiDb db, CancellationToken ct = default)
    {
        var existing = (await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_schema WHERE type = 'table' AND name = 'search_fts'").ToListAsync(ct)).SingleOrDefault();
        if (existing is null)
        {
            await ExecuteAsync(db, $"CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING {FtsDefinition}", ct);
        }
        else if (!existing.Contains("contentless_delete", StringComparison.Ordinal))
        {
            await using var tx = await OwnedTransaction.BeginAsync(db, ct);
            await ExecuteAsync(db, "DROP TABLE IF EXISTS search_fts_new", ct);
            await ExecuteAsync(db, $"CREATE VIRTUAL TABLE search_fts_new USING {FtsDefinition}", ct);
            await ExecuteAsync(db, "INSERT INTO search_fts_new (rowid, bi, uni) SELECT rowid, bi, uni FROM search_fts", ct);
            await ExecuteAsync(db, "DROP TABLE search_fts", ct);
            await ExecuteAsync(db, "ALTER TABLE search_fts_new RENAME TO search_fts", ct);
            await tx.CommitAsync(ct);
        }
    }

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

    internal override Row Encode(Guid ownerId, int seq, string text, ChineseTokenizer.Tokens tokens) =>
        new(ownerId, seq, text, tokens.BigramText, tokens.UnigramText);

    /// <summary>
    /// Prepared statements over the open connection: section rows with ids taken after the highest ever used
    /// (AUTOINCREMENT's rule; the write transaction holds SQLite's write lock), and their FTS5 rows with the same rowid.
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
            max.CommandText = "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'search_sections'), 0), COALESCE((SELECT MAX(\"Id\") FROM search_sections), 0))";
            next = Convert.ToInt64(await max.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) + 1;
        }

        await using var section = connection.CreateCommand();
        section.Transaction = transaction;
        section.CommandText = "INSERT INTO search_sections (\"Id\", \"OwnerType\", \"OwnerId\", \"Seq\", \"Text\") VALUES ($id, $type, $owner, $seq, $text)";
        var sId = section.Parameters.Add("$id", SqliteType.Integer);
        var sType = section.Parameters.Add("$type", SqliteType.Text);
        var sOwner = section.Parameters.Add("$owner", SqliteType.Text);
        var sSeq = section.Parameters.Add("$seq", SqliteType.Integer);
        var sText = section.Parameters.Add("$text", SqliteType.Text);
        await using var fts = connection.CreateCommand();
        fts.Transaction = transaction;
        fts.CommandText = "INSERT INTO search_fts (rowid, bi, uni) VALUES ($id, $bi, $uni)";
        var fId = fts.Parameters.Add("$id", SqliteType.Integer);
        var fBi = fts.Parameters.Add("$bi", SqliteType.Text);
        var fUni = fts.Parameters.Add("$uni", SqliteType.Text);
        section.Prepare();
        fts.Prepare();
        sType.Value = batch.OwnerType;
        foreach (var row in batch.Rows)
        {
            var id = next++;
            sId.Value = id;
            sOwner.Value = GuidParameter(row.OwnerId);
            sSeq.Value = row.Seq;
            sText.Value = row.Text;
            await section.ExecuteNonQueryAsync(ct);
            fId.Value = id;
            fBi.Value = row.Index1;
            fUni.Value = row.Index2;
            await fts.ExecuteNonQueryAsync(ct);
        }

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

    internal override Row Encode(Guid ownerId, int seq, string text, ChineseTokenizer.Tokens tokens) =>
        new(ownerId, seq, text, VectorLiteral(tokens), null);

    /// <summary>
    /// COPY in text format: PostgreSQL reads the Vector column with the same tsvector input function as the
    /// <c>::tsvector</c> cast of <see cref="InsertAsync"/>, from the same literal. Joins the connection's transaction.
    /// </summary>
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
            "COPY search_sections (\"OwnerType\", \"OwnerId\", \"Seq\", \"Text\", \"Vector\") FROM STDIN", ct);
        var type = CopyField(batch.OwnerType);
        var line = new StringBuilder();
        foreach (var row in batch.Rows)
        {
            line.Clear().Append(type).Append('\t').Append(row.OwnerId.ToString("D")).Append('\t')
                .Append(row.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\t');
            AppendCopyField(line, row.Text);
            line.Append('\t');
            AppendCopyField(line, row.Index1);
            line.Append('\n');
            await writer.WriteAsync(line, ct);
        }
    }

    private static string CopyField(string value)
    {
        var sb = new StringBuilder();
        AppendCopyField(sb, value);
        return sb.ToString();
    }

    /// <summary>COPY text format: backslash, tab, newline and carriage return are escaped; nothing else is special.</summary>
    private static void AppendCopyField(StringBuilder sb, string value)
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
