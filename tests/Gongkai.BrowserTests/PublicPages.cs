using System.Text.RegularExpressions;

namespace Gongkai.BrowserTests;

/// <summary>
/// The public pages the accessibility and reflow tests open: every public <c>@page</c> route of the application at least
/// once (a route with parameters through an address of one of its records), in both languages, and the states of the
/// public forms (refused, receipt, a result). <c>AccessibilityTests</c> fails when a route, a column of the site map or
/// a link of the navigation or the footer is missing here, so a new public page cannot be left out.
/// </summary>
public static partial class PublicPages
{
    /// <summary>Stands for the page of a published document: the first demo document a search for 低保 finds.</summary>
    public const string PublishedDocument = "/documents/{id}";

    /// <summary>Stands for the page of an annual report published as a document.</summary>
    public const string AnnualReportDocument = "/documents/{id}#年度报告";

    /// <summary>Every public page as a plain GET (a path with {…} is resolved from <see cref="Sources"/>).</summary>
    public static readonly string[] Addresses =
    [
        "/", "/sitemap", "/contact", "/accessibility", "/account/login",
        "/news", "/notices", "/policies", "/news?page=2",
        "/catalogue", "/catalogue/XC015", "/catalogue/statutory", "/catalogue/normative",
        "/guide", "/guide/{organCode}", "/organs", "/organs/{code}", "/annual-reports", "/feeds",
        "/search?q=低保", PublishedDocument, AnnualReportDocument,
        "/requests/new", "/requests/track",
        "/interpretations", "/evaluations", "/consultations", "/consultations?state=concluded", "/consultations/receipt",
        "/plans",
        "/site-errors", "/site-errors/receipt",
        "/en", "/en/about", "/en/guide", "/en/news", "/en/documents", "/en/documents/{id}", "/en/request", "/en/requests/track",
    ];

    /// <summary>States of the public forms, each reached as a person does (see <c>AccessibilityTests.OpenAsync</c>).</summary>
    public static readonly string[] States =
    [
        "/account/login#错误", "/requests/new#错误", "/requests/new#回执", "/requests/track#结果",
        "/site-errors#错误", "/site-errors#回执", "/site-errors/receipt#结果", "/en/request#错误", "/en/request#回执",
    ];

    /// <summary>Where a record's address is found: the first link on that page whose path fits the template.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        ["/guide/{organCode}"] = "/guide",
        ["/organs/{code}"] = "/organs",
        ["/en/documents/{id}"] = "/en/documents",
    };

    /// <summary>
    /// Public routes not in <see cref="Addresses"/>, and why. Records the demo data does not contain are created by their
    /// journey, which checks the page with axe in normal and 长者模式 (<c>Axe.AssertCleanInBothModesAsync</c>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Elsewhere = new Dictionary<string, string>
    {
        ["/account/logout"] = "a POST that signs out, no page",
        ["/account/denied"] = "shown to a signed-in member of staff without the right; covered by SignInTests",
        ["/account/login-2fa"] = "second sign-in step of staff with two-factor authentication (staff only)",
        ["/account/two-factor"] = "staff account page (signed in)",
        ["/account/password"] = "staff account page (signed in)",
        ["/consultations/{id}"] = "no consultation in the demo data: ConsultationJourneyTests checks it in both modes",
        ["/consultations/{id}/comment"] = "no consultation in the demo data: ConsultationJourneyTests checks it (form, refused, receipt)",
        ["/consultations/{id}/diff"] = "no consultation in the demo data: ConsultationJourneyTests",
        ["/interpretations/{id}"] = "no interpretation in the demo data: PolicyPagesTests checks it in both modes",
        ["/plans/{id}"] = "no plan in the demo data: PlanJourneyTests checks it in both modes",
    };

    [GeneratedRegex(@"^@page\s+""(?<route>/[^""]*)""", RegexOptions.Multiline)]
    private static partial Regex PageDirective();

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();

    /// <summary>Every route of a page outside /admin, read from the pages' own @page directives in the source tree.</summary>
    public static IReadOnlyList<string> PublicRoutes()
    {
        var src = Path.Combine(Infrastructure.AppLocation.RepositoryRoot(), "src", "Gongkai");
        return Directory.EnumerateFiles(src, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => PageDirective().Matches(File.ReadAllText(f)).Select(m => m.Groups["route"].Value))
            .Where(r => !r.StartsWith("/admin", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A route as the lists name it: parameters without their constraints ("{id:guid}" → "{id}", "{organCode?}" → "{organCode}").</summary>
    public static string Template(string route) => Parameter().Replace(route, m => "{" + m.Groups["name"].Value + "}").Replace("?}", "}");

    /// <summary>The plain addresses of a route with a regex constraint (/{column:regex(^news$|^notices$)} → /news, /notices).</summary>
    public static IReadOnlyList<string> Alternatives(string route)
    {
        var match = Regex.Match(route, @"\{[A-Za-z]+:regex\((?<alts>[^)]*)\)\}");
        return match.Success
            ? match.Groups["alts"].Value.Split('|').Select(a => route.Replace(match.Value, a.Trim('^', '$'))).ToList()
            : [];
    }

    /// <summary>Whether <paramref name="path"/> (no query) is a page of the list: listed as it is, or an instance of a listed template.</summary>
    public static bool Listed(string path)
    {
        foreach (var entry in Addresses)
        {
            var listed = entry.Split('#')[0].Split('?')[0];
            if (listed == path || (listed.Contains('{') && Regex.IsMatch(path, "^" + Parameter().Replace(Regex.Escape(listed).Replace(@"\{", "{"), "[^/]+") + "$")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The address of a record: a search result for documents, else the first link of its source page that fits.</summary>
    public static async Task<string> ResolveAsync(IPage browser, string page)
    {
        if (page is PublishedDocument or AnnualReportDocument)
        {
            var term = page == PublishedDocument ? Infrastructure.GongkaiServer.DemoSearchTerm : "政府信息公开工作年度报告";
            var response = await browser.APIRequest.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(term));
            Assert.True(response.Ok, $"/api/v1/search answered {response.Status}");
            var json = await response.JsonAsync();
            var url = json?.GetProperty("items")[0].GetProperty("url").GetString();
            Assert.NotNull(url);
            return url;
        }

        var template = page.Split('#')[0];
        var source = Sources[template];
        Assert.True((await browser.GotoAsync(source))?.Ok, $"GET {source} failed");
        var pattern = "^" + Regex.Replace(Regex.Escape(template).Replace(@"\{", "{"), @"\{[A-Za-z]+\}", "[^/]+") + "$";
        var paths = await browser.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('main a[href]')).map(a => new URL(a.href).pathname)");
        return paths.FirstOrDefault(p => Regex.IsMatch(p, pattern)) ?? throw new InvalidOperationException($"no link to {template} on {source}");
    }

}
