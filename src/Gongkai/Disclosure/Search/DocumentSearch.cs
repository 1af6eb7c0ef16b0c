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
/// Relevance puts the newest <see cref="RankedTitleMatches"/> documents whose title line (标题、文号、关键词) holds every
/// term first, ranked by the index's score, then all the others newest first. Both lists are read newest first from the
/// index's segments and stop when full, and totals are counted exactly up to <see cref="CountLimit"/> only, so a query
/// costs about the same at a million documents as at ten thousand. Answers are reused (<see cref="ISearchResultCache"/>,
/// key: the parsed terms and the filters with the page) while the index's version is the one read before computing them;
/// every index write moves it in its own transaction (<see cref="SearchIndexVersion"/>), so a withdrawal that has
/// committed is seen by the next search on every instance, and a repeated search costs one read of one row.
/// </summary>
public sealed class DocumentSearch(GongkaiDb db, ISearchVersion version, ISearchResultCache cache)
{
    public const string OwnerType = "document";
    public const int MaxPageSize = 50;

    /// <summary>Matches counted exactly; past it the total reads “more than” (pages stop there too).</summary>
    public const int CountLimit = 2_000;

    /// <summary>How many of the newest title matches are ranked by score; a query's cost stays bounded however many there are.</summary>
    public const int RankedTitleMatches = 1_000;

    public sealed record Filters(Guid? Organ = null, string? Category = null, DateOnly? From = null, DateOnly? To = null, bool ByDate = false, int Page = 1, int PageSize = 10);

    public sealed record Hit(Guid Id, string Title, string Url, Guid OrganId, string Organ, DateTimeOffset PublishedAt, string? IndexNumber, string? DocumentNumber, string Snippet);

    /// <param name="Total">Matching documents, exact when <paramref name="TotalIsExact"/>, otherwise <see cref="CountLimit"/>.</param>
    public sealed record Result(int Total, IReadOnlyList<Hit> Items, bool TotalIsExact = true);

    /// <summary>A matching index entry and its document.</summary>
    private sealed record Found(long Entry, Guid Owner);

    /// <summary>The texts a document is indexed under: the title line, and the summary with the body.</summary>
    public static SearchText IndexedText(GovDocument d) =>
        new(string.Join('\n', new[] { d.Title, d.DocumentNumber, d.Keywords }.Where(t => !string.IsNullOrWhiteSpace(t))),
            string.Join('\n', new[] { d.Summary, d.BodyText }.Where(t => !string.IsNullOrWhiteSpace(t))));

    public async Task<Result> SearchAsync(string? text, Filters filters, CancellationToken ct = default)
    {
        InputDates.Check(filters.From, "from", "起始日期");
        InputDates.Check(filters.To, "to", "截止日期");
        var query = SearchQuery.Parse(text);
        if (query.IsEmpty)
        {
            return new Result(0, []);
        }

        // The version is read first: an answer is kept under a version no later than the state it was computed from.
        var current = await version.CurrentAsync(db, ct);
        return await cache.GetOrComputeAsync(CacheKey(query, filters), current, () => ComputeAsync(query, filters, CancellationToken.None));
    }

    /// <summary>The parsed terms (so spacing and repeated words do not make new keys) and every filter, the page included.</summary>
    private static string CacheKey(SearchQuery query, Filters filters) =>
        OwnerType + "|" + string.Join("\u001e", query.Terms.Select(t => (t.Phrase ? "p" : "w") + (t.Unigram ? "u" : "b") + string.Join('\u001f', t.Tokens))) + "|" + filters;

    /// <remarks>
    /// Not cancelled by the caller: other requests may be waiting for the same answer. Its work is bounded (see the class).
    /// </remarks>
    private async Task<Result> ComputeAsync(SearchQuery query, Filters filters, CancellationToken ct)
    {
        var index = SearchIndex.For(db);
        var size = Math.Clamp(filters.PageSize, 1, MaxPageSize);
        var offset = Gongkai.Platform.Web.Paging.Offset(filters.Page, size);
        List<Found> page;
        int matches;
        await using (await index.BeginReadAsync(db, ct))
        {
            var segments = await index.SegmentsAsync(db, ct);
            List<Found> titles = filters.ByDate ? [] : await NewestAsync(index, query, SearchIndex.Field.Title, filters, segments, RankedTitleMatches, ct);
            // Enough of the newest matches to count past the limit once the title tier is taken out of them.
            var all = await NewestAsync(index, query, SearchIndex.Field.All, filters, segments, CountLimit + 1 + titles.Count, ct);
            matches = all.Count;
            if (offset >= Math.Min(matches, CountLimit))
            {
                return new Result(Math.Min(matches, CountLimit), [], matches <= CountLimit);
            }

            var inTitle = titles.Select(t => t.Entry).ToHashSet();
            IEnumerable<Found> ordered = all.Where(f => !inTitle.Contains(f.Entry));
            if (titles.Count > 0)
            {
                // Titles are scored only when this page reaches into their tier.
                var ranked = offset < titles.Count ? await index.RankTitlesAsync(db, query, inTitle, ct) : titles.Select(t => t.Entry).ToList();
                var byEntry = titles.ToDictionary(t => t.Entry);
                ordered = ranked.Select(e => byEntry[e]).Concat(ordered);
            }

            page = ordered.Take(CountLimit).Skip(offset).Take(size).ToList();
        }

        return new Result(Math.Min(matches, CountLimit), await HitsAsync(page.Select(f => f.Owner).ToList(), query, ct), matches <= CountLimit);
    }

    /// <summary>
    /// The newest <paramref name="wanted"/> documents matching in <paramref name="field"/>, segment by segment. An entry
    /// exists only while its document is published (withdrawal deletes it in the same transaction), so without filters
    /// the index answers alone; with filters the documents are joined inside the match. The page's own documents are
    /// read with their status checked again (<see cref="HitsAsync"/>).
    /// </summary>
    private async Task<List<Found>> NewestAsync(SearchIndex index, SearchQuery query, SearchIndex.Field field, Filters filters,
        IReadOnlyList<SearchIndex.Segment> segments, int wanted, CancellationToken ct)
    {
        var found = new List<Found>();
        var filtered = filters.Organ is not null || !string.IsNullOrWhiteSpace(filters.Category) || filters.From is not null || filters.To is not null;
        foreach (var segment in segments)
        {
            var parameters = new List<object>();
            var match = index.MatchSql(query, field, segment, parameters);
            var join = filtered ? $" {match.Join} documents d ON d.\"Id\" = e.\"OwnerId\"" : "";
            var where = filtered ? $" AND {LiveDocument} AND {FilterSql(filters, parameters)}" : "";
            var sql = $"SELECT e.\"Id\" AS \"Entry\", e.\"OwnerId\" AS \"Owner\" FROM {match.From}{join} WHERE {match.Where} AND e.\"OwnerType\" = '{OwnerType}'{where} " +
                      $"ORDER BY {match.NewestFirst} LIMIT {wanted - found.Count}";
            found.AddRange(await db.Database.SqlQueryRaw<Found>(sql, [.. parameters]).ToListAsync(ct));
            if (found.Count >= wanted)
            {
                break;
            }
        }

        return found;
    }

    private const string LiveDocument = "d.\"Status\" = 'Published' AND d.\"Attribute\" = 'Proactive'";

    /// <summary>The filters as SQL over the document row <c>d</c>; parameters are added.</summary>
    private string FilterSql(Filters filters, List<object> parameters)
    {
        var index = SearchIndex.For(db);
        var where = new StringBuilder("TRUE");
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

        return where.ToString();
    }

    private async Task<List<Hit>> HitsAsync(List<Guid> ids, SearchQuery query, CancellationToken ct)
    {
        var docs = await db.Documents.AsNoTracking()
            .Where(d => ids.Contains(d.Id) && d.Status == DocumentStatus.Published && d.Attribute == DisclosureAttribute.Proactive)
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

    private static DateTimeOffset StartOf(DateOnly day) => ChineseDates.StartOf(day);
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
