using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

/// <summary>
/// The home page as a citizen and a website checker (国办秘函〔2019〕19号: 不可用链接) see it: every entry of the main
/// navigation and of the home page's columns is a link (no dead text), and every same-origin link reachable from the
/// home page in two steps answers without a 4xx or 5xx. Pages of depth 0 and 1 are opened in Chromium and their links
/// read from the rendered page; the links found there (depth 2) are requested with the browser context's own client.
/// </summary>
[Collection(GongkaiSuite.Name)]
public sealed class PortalCrawlTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    private const string LinksScript = "() => Array.from(document.querySelectorAll('a[href]')).map(a => a.href)";

    [Fact]
    public async Task Every_navigation_and_home_entry_is_a_link_and_no_link_two_steps_from_home_is_broken()
    {
        await GotoOkAsync("/");
        var deadEntries = await Page.EvaluateAsync<string[]>(
            "() => Array.from(document.querySelectorAll('nav.main-nav li, .portal-grid li, .home-list li, .organ-list li'))" +
            ".filter(li => !li.querySelector('a[href]')).map(li => li.textContent.trim())");
        Assert.True(deadEntries.Length == 0, "entries that are not links: " + string.Join("、", deadEntries));
        var anchors = await Page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href')).filter(h => h.startsWith('/#') || h === '#')");
        Assert.True(anchors.Length == 0, "links to anchors of the home page: " + string.Join(" ", anchors));
        foreach (var column in new[] { "要闻动态", "通知公告", "政策文件", "政府信息公开", "依申请公开", "政策解读", "意见征集" })
        {
            await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = column, Exact = true })).ToBeVisibleAsync();
        }

        var origin = Server.BaseUrl.GetLeftPart(UriPartial.Authority);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var failures = new List<string>();
        var depth1 = SameOrigin(await Page.EvaluateAsync<string[]>(LinksScript), origin).Where(seen.Add).ToList();
        Assert.True(depth1.Count > 60, $"only {depth1.Count} links on the home page");
        var depth2 = new List<(string Url, string From)>();
        foreach (var url in depth1)
        {
            var response = await Page.APIRequest.GetAsync(url);
            if (response.Status >= 400)
            {
                failures.Add($"{url} (linked from /): {response.Status}");
                continue;
            }

            if (!(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)) || url.StartsWith("/preferences/", StringComparison.Ordinal))
            {
                continue;
            }

            var opened = await Page.GotoAsync(url);
            if (opened is null || opened.Status >= 400)
            {
                failures.Add($"{url} (linked from /): {opened?.Status} in the browser");
                continue;
            }

            depth2.AddRange(SameOrigin(await Page.EvaluateAsync<string[]>(LinksScript), origin).Where(seen.Add).Select(u => (u, url)));
        }

        foreach (var (url, from) in depth2)
        {
            var response = await Page.APIRequest.GetAsync(url);
            if (response.Status >= 400)
            {
                failures.Add($"{url} (linked from {from}): {response.Status}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} broken links of {seen.Count}:\n" + string.Join("\n", failures.Take(50)));
        Assert.True(seen.Count > 300, $"the crawl reached only {seen.Count} addresses");
    }

    /// <summary>The paths (with query) of the http(s) links to this site, without fragments; staff pages and sign-out left out.</summary>
    private static IEnumerable<string> SameOrigin(IEnumerable<string> hrefs, string origin) =>
        hrefs.Select(h => Uri.TryCreate(h, UriKind.Absolute, out var u) ? u : null)
            .Where(u => u is not null && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) && u.GetLeftPart(UriPartial.Authority) == origin)
            .Select(u => u!.PathAndQuery)
            .Where(p => !p.StartsWith("/admin", StringComparison.Ordinal) && !p.StartsWith("/account/logout", StringComparison.Ordinal))
            .Distinct();
}
