using System.Net;
using System.Text;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Disclosure;

/// <summary>
/// Public full-text search over published 主动公开 documents. The match runs in the database index; every
/// query also joins the live document row, so a withdrawn document is gone the moment its withdrawal commits.
/// </summary>
public sealed class DocumentSearch(GongkaiDb db)
{
    public const string OwnerType = "document";
    public const int MaxPageSize = 50;

    public sealed record Filters(Guid? Organ = null, string? Category = null, DateOnly? From = null, DateOnly? To = null, bool ByDate = false, int Page = 1, int PageSize = 10);

    public sealed record Hit(Guid Id, string Title, string Url, Guid OrganId, string Organ, DateTimeOffset PublishedAt, string? IndexNumber, string? DocumentNumber, string Snippet);

    public sealed record Result(int Total, IReadOnlyList<Hit> Items);

    private sealed record Row(Guid Id, double Score);

    private sealed record CountRow(int Value);

    /// <summary>The texts a document is indexed under, title first.</summary>
    public static IEnumerable<string?> IndexedTexts(GovDocument d) => [d.Title, d.DocumentNumber, d.Keywords, d.Summary, d.BodyText];

    public async Task<Result> SearchAsync(string? text, Filters filters, CancellationToken ct = default)
    {
        var query = SearchQuery.Parse(text);
        if (query.IsEmpty)
        {
            return new Result(0, []);
        }

        var index = SearchIndex.For(db);
        var parameters = new List<object>();
        var match = index.MatchSql(query, parameters);
        var where = new StringBuilder("d.\"Status\" = 'Published' AND d.\"Attribute\" = 'Proactive'");
        if (filters.Organ is { } organ)
        {
            parameters.Add(index.GuidParameter(organ));
            where.Append($" AND d.\"OrganId\" = {{{parameters.Count - 1}}}");
        }

        if (!string.IsNullOrWhiteSpace(filters.Category))
        {
            var category = filters.Category.Trim();
            var prefix = category.Contains('\\') ? category : category + "\\";
            parameters.Add(category);
            parameters.Add(prefix);
            where.Append($" AND (d.\"SubjectCategory\" = {{{parameters.Count - 2}}} OR substr(d.\"SubjectCategory\", 1, {prefix.Length}) = {{{parameters.Count - 1}}})");
        }

        if (filters.From is { } from)
        {
            parameters.Add(Instant(StartOf(from)));
            where.Append($" AND d.\"PublishedAt\" >= {{{parameters.Count - 1}}}");
        }

        if (filters.To is { } to)
        {
            parameters.Add(Instant(StartOf(to.AddDays(1))));
            where.Append($" AND d.\"PublishedAt\" < {{{parameters.Count - 1}}}");
        }

        var core = $"WITH m AS {(db.Database.IsNpgsql() ? "" : "MATERIALIZED ")}({match}), best AS (SELECT m.OwnerId AS OwnerId, MIN(m.Score) AS Score FROM m GROUP BY m.OwnerId) " +
                   $"SELECT @@COLUMNS@@ FROM best JOIN documents d ON d.\"Id\" = best.OwnerId WHERE {where}";
        var total = (await db.Database.SqlQueryRaw<CountRow>(core.Replace("@@COLUMNS@@", "COUNT(*) AS \"Value\""), [.. parameters]).ToListAsync(ct)).Single().Value;
        if (total == 0)
        {
            return new Result(0, []);
        }

        var size = Math.Clamp(filters.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, filters.Page);
        parameters.Add(size);
        parameters.Add((page - 1) * size);
        var order = filters.ByDate ? "d.\"PublishedAt\" DESC, best.Score" : "best.Score, d.\"PublishedAt\" DESC";
        var sql = core.Replace("@@COLUMNS@@", "d.\"Id\" AS \"Id\", best.Score AS \"Score\"") +
                  $" ORDER BY {order} LIMIT {{{parameters.Count - 2}}} OFFSET {{{parameters.Count - 1}}}";
        var rows = await db.Database.SqlQueryRaw<Row>(sql, [.. parameters]).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var docs = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Title, d.OrganId, d.PublishedAt, d.IndexNumber, d.DocumentNumber })
            .ToDictionaryAsync(d => d.Id, ct);
        var sections = (await db.Set<SearchSection>().AsNoTracking().Where(s => ids.Contains(s.OwnerId)).OrderBy(s => s.Seq)
            .Select(s => new { s.OwnerId, s.Text }).ToListAsync(ct)).ToLookup(s => s.OwnerId, s => s.Text);
        var organIds = docs.Values.Select(d => d.OrganId).Distinct().ToList();
        var organs = await db.Organs.AsNoTracking().Where(o => organIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        var hits = ids.Where(docs.ContainsKey).Select(id =>
        {
            var d = docs[id];
            return new Hit(id, d.Title, Url(id), d.OrganId, organs.GetValueOrDefault(d.OrganId, ""), d.PublishedAt!.Value, d.IndexNumber, d.DocumentNumber,
                Snippets.Make(sections[id], query));
        }).ToList();
        return new Result(total, hits);
    }

    public static string Url(Guid id) => $"/documents/{id}";

    private object Instant(DateTimeOffset at) =>
        db.Database.IsNpgsql() ? at : new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)!;

    private static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
}

/// <summary>A short piece of the matching section with every query term marked (HTML-encoded, &lt;mark&gt;).</summary>
public static class Snippets
{
    public const int Length = 120;

    public static string Make(IEnumerable<string> sections, SearchQuery query)
    {
        var runs = query.Terms.SelectMany(t => t.Highlights).Where(h => h.Length > 0).Distinct().OrderByDescending(h => h.Length).ToList();
        string? best = null;
        var at = -1;
        foreach (var raw in sections)
        {
            var text = ChineseTokenizer.Normalize(raw);
            foreach (var run in runs)
            {
                var i = text.IndexOf(run, StringComparison.Ordinal);
                if (i >= 0)
                {
                    best = text;
                    at = i;
                    break;
                }
            }

            if (best is not null)
            {
                break;
            }
        }

        if (best is null)
        {
            var first = ChineseTokenizer.Normalize(sections.FirstOrDefault() ?? "");
            return WebUtility.HtmlEncode(first.Length > Length ? first[..Length] + "…" : first);
        }

        var start = Math.Max(0, at - Length / 3);
        var end = Math.Min(best.Length, start + Length);
        var piece = best[start..end].Replace('\n', ' ');
        return (start > 0 ? "…" : "") + Mark(piece, runs) + (end < best.Length ? "…" : "");
    }

    private static string Mark(string text, List<string> runs)
    {
        var marked = new bool[text.Length];
        foreach (var run in runs)
        {
            for (var i = text.IndexOf(run, StringComparison.Ordinal); i >= 0; i = text.IndexOf(run, i + 1, StringComparison.Ordinal))
            {
                Array.Fill(marked, true, i, run.Length);
            }
        }

        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (marked[i] && (i == 0 || !marked[i - 1]))
            {
                sb.Append("<mark>");
            }

            sb.Append(WebUtility.HtmlEncode(text[i].ToString()));
            if (marked[i] && (i == text.Length - 1 || !marked[i + 1]))
            {
                sb.Append("</mark>");
            }
        }

        return sb.ToString();
    }
}
