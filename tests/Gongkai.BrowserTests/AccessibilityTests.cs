using Deque.AxeCore.Commons;
using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

/// <summary>axe-core (WCAG 2.0/2.1 A and AA) finds nothing serious or critical, in normal and in elder-friendly mode.</summary>
[Collection(GongkaiSuite.Name)]
public sealed class AccessibilityTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    /// <summary>Stands for the page of a published document: the first demo document that a search for 低保 finds.</summary>
    private const string PublishedDocument = "/documents/（低保的第一条搜索结果）";

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/admin")]
    [InlineData("/admin/documents")]
    [InlineData("/admin/documents/edit")]
    [InlineData(PublishedDocument)]
    [InlineData("/catalogue")]
    [InlineData("/catalogue/XC015")]
    [InlineData("/catalogue/statutory")]
    [InlineData("/catalogue/normative")]
    [InlineData("/guide")]
    [InlineData("/search?q=低保")]
    [InlineData("/requests/new")]
    [InlineData("/requests/track")]
    [InlineData("/admin/requests")]
    [InlineData("/admin/requests/new")]
    [InlineData("/admin/requests/identical")]
    [InlineData("/admin/requests/templates")]
    [InlineData("/consultations")]
    [InlineData("/consultations?state=concluded")]
    [InlineData("/consultations/receipt")]
    [InlineData("/admin/consultations")]
    [InlineData("/admin/consultations/new")]
    [InlineData("/plans")]
    [InlineData("/admin/plans")]
    [InlineData("/admin/plans/import")]
    [InlineData("/admin/plans/scores")]
    [InlineData("/admin/plans/reminders?kind=DueSoon")]
    public async Task Page_has_no_serious_or_critical_violation_in_normal_or_elder_mode(string path)
    {
        if (path.StartsWith("/admin", StringComparison.Ordinal))
        {
            await SignInAsync();
        }

        if (path == PublishedDocument)
        {
            path = await FirstDocumentFoundAsync(GongkaiServer.DemoSearchTerm);
        }

        await GotoOkAsync(path);
        await Expect(Page.Locator("body")).Not.ToHaveClassAsync(ElderClass());
        var normal = await BlockingViolationsAsync(path);

        // One context for both modes: axe's own run opens a page of its own, which is slow on a small machine.
        await SetElderModeAsync(true, path);
        var elder = await BlockingViolationsAsync(path);

        Assert.True(normal.Count == 0 && elder.Count == 0, (Axe.Describe($"{path} in normal mode", normal) + Axe.Describe($"{path} in elder mode", elder)).TrimStart());
    }

    private async Task<string> FirstDocumentFoundAsync(string term)
    {
        var response = await Page.APIRequest.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(term));
        Assert.True(response.Ok, $"/api/v1/search answered {response.Status}");
        var json = await response.JsonAsync();
        var url = json?.GetProperty("items")[0].GetProperty("url").GetString();
        Assert.NotNull(url);
        return url;
    }

    private async Task<List<AxeResultItem>> BlockingViolationsAsync(string path)
    {
        Assert.Equal(path, Uri.UnescapeDataString(new Uri(Page.Url).PathAndQuery));
        return await Axe.BlockingViolationsAsync(Page);
    }
}
