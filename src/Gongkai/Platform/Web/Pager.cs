using Microsoft.AspNetCore.WebUtilities;

namespace Gongkai.Platform.Web;

/// <summary>Page links for a list: the current page, how many there are, and the address of page n.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> Url)
{
    /// <summary>The page numbers to show: the first, the last and two either side of the current one; 0 marks a gap.</summary>
    public IEnumerable<int> Numbers()
    {
        var shown = new SortedSet<int> { 1, PageCount };
        for (var n = Page - 2; n <= Page + 2; n++)
        {
            if (n >= 1 && n <= PageCount)
            {
                shown.Add(n);
            }
        }

        var last = 0;
        foreach (var n in shown)
        {
            if (n > last + 1)
            {
                yield return 0;
            }

            yield return n;
            last = n;
        }
    }
}

/// <summary>Links that keep the reader's other filters: the current query with some keys set or removed.</summary>
public static class QueryLinks
{
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes) =>
        With(request, request.Path, changes);

    public static string With(HttpRequest request, string path, params (string Key, string? Value)[] changes)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            query[key] = value;
        }

        return QueryHelpers.AddQueryString(path, query.Where(p => !string.IsNullOrEmpty(p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
