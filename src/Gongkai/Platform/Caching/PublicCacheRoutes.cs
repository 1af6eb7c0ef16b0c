namespace Gongkai.Platform.Caching;

/// <summary>How long a page stays right when nothing is changed: content that depends on the clock (a consultation
/// closes at its hour) is made again when the minute or the district day turns.</summary>
public enum Freshness
{
    /// <summary>Shows dates relative to today at most (the default year of a list).</summary>
    Day,

    /// <summary>Shows what opens or closes at a time of day (意见征集, the home page's lists).</summary>
    Minute,
}

/// <summary>What a public route's page depends on.</summary>
public sealed record CacheRule(string Pattern, IReadOnlyList<string> Tags, Freshness Freshness);

/// <summary>
/// The one list of public pages served from the output cache (docs/ARCHITECTURE.md §Public page cache), matched on the
/// path before routing, first match wins. A route not listed is never cached; a pattern with no tags is listed only to
/// keep it out (files, receipts). Patterns: literal segments, <c>*</c> for one segment, <c>**</c> for any rest
/// (including none), and <c>name.*</c> for one segment <c>name.</c> with any extension. A new public page is added here with the tags of
/// everything it shows (when unsure, <see cref="ContentTags.All"/>). Never list a page that shows personal data or a form
/// (pages that send a form's token, a cookie, or Cache-Control private/no-store are not stored anyway).
/// </summary>
public static class PublicCacheRoutes
{
    private static readonly string[] Documents = [ContentTags.Documents, ContentTags.Organs, ContentTags.Policy, ContentTags.Site];
    private static readonly string[] Catalogue = [ContentTags.Documents, ContentTags.Organs, ContentTags.Site];
    private static readonly string[] Policy = [ContentTags.Policy, ContentTags.Documents, ContentTags.Organs, ContentTags.Site];

    public static readonly IReadOnlyList<CacheRule> Rules =
    [
        // Attachment downloads answer their own ETag (the file's SHA-256) and are checked on every request.
        new("/documents/*/attachments/**", [], Freshness.Day),
        new("/documents/*", Documents, Freshness.Day),
        new("/", ContentTags.All, Freshness.Minute),
        new("/catalogue/**", Catalogue, Freshness.Day),
        new("/guide/**", [ContentTags.Guide, ContentTags.Organs, ContentTags.Documents, ContentTags.Site], Freshness.Day),
        new("/interpretations/*/assets/**", [], Freshness.Day), // the editor's uploads: files with their own ETag (issue 16 editor)
        new("/interpretations/**", Policy, Freshness.Day),
        // A commenter's receipt (personal) and the comment form (a token) are never cached.
        new("/consultations/receipt/**", [], Freshness.Minute),
        new("/consultations/*/comment/**", [], Freshness.Minute),
        new("/consultations/**", Policy, Freshness.Minute),
        new("/evaluations/**", Policy, Freshness.Day),
        new("/plans/**", [ContentTags.Plans, ContentTags.Organs, ContentTags.Site], Freshness.Day),
        new("/feeds/consultations.*", Policy, Freshness.Minute),
        new("/feeds/**", Documents, Freshness.Day),
        new("/sitemap.xml", ContentTags.All, Freshness.Day),
        new("/sitemaps/**", ContentTags.All, Freshness.Day),
        // The English version and the portal's columns show a bit of everything.
        new("/en/**", ContentTags.All, Freshness.Minute),
        new("/reports/**", ContentTags.All, Freshness.Day),
        new("/organs/**", ContentTags.All, Freshness.Day),
        new("/sitemap/**", ContentTags.All, Freshness.Day),
    ];

    /// <summary>The rule of a path, or null when it is not a cached page.</summary>
    public static CacheRule? Match(string path)
    {
        foreach (var rule in Rules)
        {
            if (Matches(rule.Pattern, path))
            {
                return rule.Tags.Count == 0 ? null : rule;
            }
        }

        return null;
    }

    /// <summary>Segment by segment, without allocating: <c>*</c> one segment, <c>**</c> any rest, <c>name.*</c> name. with any extension.</summary>
    internal static bool Matches(string pattern, string path)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            return false;
        }

        if (pattern == "/")
        {
            return path == "/";
        }

        var p = 1;
        var s = 1;
        while (true)
        {
            var pEnd = pattern.IndexOf('/', p);
            if (pEnd < 0)
            {
                pEnd = pattern.Length;
            }

            var sEnd = path.IndexOf('/', s);
            if (sEnd < 0)
            {
                sEnd = path.Length;
            }

            var part = pattern.AsSpan(p, pEnd - p);
            if (part is "**")
            {
                return true;
            }

            if (s > path.Length || (sEnd == s && s == path.Length))
            {
                // The path has ended but the pattern has not.
                return false;
            }

            var segment = path.AsSpan(s, sEnd - s);
            var ok = part is "*"
                ? segment.Length > 0
                : part.EndsWith(".*")
                    ? segment.Length > part.Length - 1 && segment.StartsWith(part[..^1], StringComparison.OrdinalIgnoreCase)
                    : segment.Equals(part, StringComparison.OrdinalIgnoreCase);
            if (!ok)
            {
                return false;
            }

            var patternDone = pEnd >= pattern.Length;
            var pathDone = sEnd >= path.Length;
            if (patternDone || pathDone)
            {
                if (patternDone && pathDone)
                {
                    return true;
                }

                // "/a/**" also matches "/a" and "/a/"; a trailing slash on the path matches the same page.
                return pathDone ? pattern.AsSpan(pEnd) is "/**" : patternDone && sEnd == path.Length - 1;
            }

            p = pEnd + 1;
            s = sEnd + 1;
        }
    }
}
