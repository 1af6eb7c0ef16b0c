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
/// Relevance puts the newest <see cref="SearchIndex.RankedTitleMatches"/> documents whose title line (标题、文号、关键词)
/// holds every term first, ranked by the index's score, then all the others newest first straight from the index's
/// order; so a page's cost is bounded at a million documents as at ten thousand. Totals are counted exactly up to
/// <see cref="CountLimit"/>.
/// </summary>
public sealed class DocumentSearch(GongkaiDb db)
{
    public const string OwnerType = "document";
    public const int MaxPageSize = 50;

    /// <summary>Matches counted exactly; past it the total reads “more than” (pages stop there too).</summary>
    public const int CountLimit = 2_000;

    public sealed record Filters(Guid? Organ = null, string? Category = null, DateOnly? From = null, DateOnly? To = null, bool ByDate = false, int Page = 1, int PageSize = 10);

    public sealed record Hit(Guid Id, string Title, string Url, Guid OrganId, string Organ, DateTimeOffset PublishedAt, string? IndexNumber, string? DocumentNumber, string Snippet);

    /// <param name="Total">Matching documents, exact when <paramref name="TotalIsExact"/>, otherwise <see cref="CountLimit"/>.</param>
    public sealed record Result(int Total, IReadOnlyList<Hit> Items, bool TotalIsExact = true);

    private sealed record CountRow(int Value);

    /// <summary>The texts a document is indexed under: the title line, and the summary with the body.</summary>
    public static SearchText IndexedText(GovDocument d) =>
        new(string.Join('\n', new[] { d.Title, d.DocumentNumber, d.Keywords }.Where(t => !string.IsNullOrWhiteSpace(t))),
            string.Join('\n', new[] { d.Summary, d.BodyText }.Where(t => !string.IsNullOrWhiteSpace(t))));

    public async Task<Result> SearchAsync(string? text, Filters filters, CancellationToken ct = default)
    {
        var query = SearchQuery.Parse(text);
        if (query.IsEmpty)
        {
            return new Result(0, []);
        }

        var index = SearchIndex.For(db);
        var size = Math.Clamp(filters.PageSize, 1, MaxPageSize);
        var offset = (Math.Max(1, filters.Page) - 1) * size;
        var total = await CountAsync(index, query, SearchIndex.Field.All, filters, ct);
        if (total == 0 || offset >= Math.Min(total, CountLimit))
        {
            return new Result(Math.Min(total, CountLimit), [], total <= CountLimit);
        }

        List<Guid> ids;
        if (filters.ByDate)
        {
            ids = await PageAsync(index, query, SearchIndex.Field.All, false, filters, ranked: false, size, offset, ct);
        }
        else
        {
            ids = offset < SearchIndex.RankedTitleMatches ? await PageAsync(index, query, SearchIndex.Field.Title, false, filters, ranked: true, size, offset, ct) : [];
            if (ids.Count < size)
            {
                // The title tier ends on this page, or ended before it: only then does its size matter, and only then is it counted.
                var inTitle = ids.Count > 0 || offset == 0 ? offset + ids.Count : await CountAsync(index, query, SearchIndex.Field.Title, filters, ct);
                ids.AddRange(await PageAsync(index, query, SearchIndex.Field.All, true, filters, ranked: false, size - ids.Count, Math.Max(0, offset - inTitle), ct));
            }
        }

        return new Result(Math.Min(total, CountLimit), await HitsAsync(ids, query, ct), total <= CountLimit);
    }

    /// <summary>Matching live documents, counted up to one past <see cref="CountLimit"/>.</summary>
    private async Task<int> CountAsync(SearchIndex index, SearchQuery query, SearchIndex.Field field, Filters filters, CancellationToken ct)
    {
        var parameters = new List<object>();
        var sql = Select(index.MatchSql(query, field, false, parameters), "1 AS x", filters, parameters);
        parameters.Add(CountLimit + 1);
        var counted = "SELECT COUNT(*) AS \"Value\" FROM (" + sql + $" LIMIT {{{parameters.Count - 1}}}) c";
        return (await db.Database.SqlQueryRaw<CountRow>(counted, [.. parameters]).ToListAsync(ct)).Single().Value;
    }

    private async Task<List<Guid>> PageAsync(SearchIndex index, SearchQuery query, SearchIndex.Field field, bool exceptTitle, Filters filters, bool ranked,
        int take, int skip, CancellationToken ct)
    {
        var parameters = new List<object>();
        var match = index.MatchSql(query, field, exceptTitle, parameters);
        var sql = Select(match, "d.\"Id\" AS \"Value\"", filters, parameters);
        var order = ranked ? $"{index.TitleRankSql(query, parameters)}, {match.NewestFirst}" : match.NewestFirst;
        parameters.Add(take);
        parameters.Add(skip);
        var paged = sql + $" ORDER BY {order} LIMIT {{{parameters.Count - 2}}} OFFSET {{{parameters.Count - 1}}}";
        return await db.Database.SqlQueryRaw<Guid>(paged, [.. parameters]).ToListAsync(ct);
    }

    /// <summary>The match joined with the live, public document row and the filters.</summary>
    private string Select(SearchIndex.Match match, string columns, Filters filters, List<object> parameters)
    {
        var index = SearchIndex.For(db);
        var where = new StringBuilder($"{match.Where} AND d.\"Status\" = 'Published' AND d.\"Attribute\" = 'Proactive'");
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

        return $"SELECT {columns} FROM {match.From} {match.Join} documents d ON d.\"Id\" = e.\"OwnerId\" WHERE {where}";
    }

    private async Task<List<Hit>> HitsAsync(List<Guid> ids, SearchQuery query, CancellationToken ct)
    {
        var docs = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Title, d.OrganId, d.PublishedAt, d.IndexNumber, d.DocumentNumber, d.Summary, d.BodyText })
            .ToDictionaryAsync(d => d.Id, ct);
        var organIds = docs.Values.Select(d => d.OrganId).Distinct().ToList();
        var organs = await db.Organs.AsNoTracking().Where(o => organIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        return ids.Where(docs.ContainsKey).Select(id =>
        {
            var d = docs[id];
            var texts = SearchIndex.Sentences(d.Title).Concat(SearchIndex.Sentences(d.Summary)).Concat(SearchIndex.Sentences(d.BodyText));
            return new Hit(id, d.Title, Url(id), d.OrganId, organs.GetValueOrDefault(d.OrganId, ""), d.PublishedAt!.Value, d.IndexNumber, d.DocumentNumber,
                Snippets.Make(texts, query));
        }).ToList();
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
