using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Gongkai.BrowserTests.Infrastructure;

/// <summary>axe-core on the page as it stands: WCAG 2.0/2.1 A and AA rules, violations of serious or critical impact only.</summary>
public static class Axe
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    public static async Task<List<AxeResultItem>> BlockingViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            ResultTypes = [ResultType.Violations],
        });
        Assert.NotEmpty(result.Passes); // axe really ran its rules on the page
        return result.Violations.Where(v => BlockingImpacts.Contains(v.Impact)).ToList();
    }

    /// <summary>Fails with a readable list when the page has a serious or critical violation.</summary>
    public static async Task AssertCleanAsync(IPage page, string what)
    {
        var violations = await BlockingViolationsAsync(page);
        Assert.True(violations.Count == 0, Describe(what, violations).TrimStart());
    }

    /// <summary>
    /// <see cref="AssertCleanAsync"/> on the page as it is, then on the same address reloaded in 长者模式 (the mode's cookie
    /// set as its switch sets it), then back in normal mode. For pages reached by GET only (a reload repeats the request).
    /// </summary>
    public static async Task AssertCleanInBothModesAsync(IPage page, string what)
    {
        await AssertCleanAsync(page, what);
        var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        foreach (var (value, mode) in new[] { ("1", " in 长者模式"), ("0", "") })
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = "gk.elder", Value = value, Url = origin }]);
            var response = await page.ReloadAsync();
            Assert.True(response?.Ok, $"reloading {page.Url} answered {response?.Status}");
            if (value == "1")
            {
                await Expect(page.Locator("body.elder")).ToHaveCountAsync(1);
                await AssertCleanAsync(page, what + mode);
            }
        }
    }

    public static string Describe(string what, List<AxeResultItem> violations)
    {
        if (violations.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder($"\n{violations.Count} serious or critical axe violation(s) on {what}:");
        foreach (var v in violations)
        {
            text.Append($"\n- {v.Id} [{v.Impact}] {v.Help} ({v.Nodes.Length} node(s))");
            foreach (var node in v.Nodes.Take(3))
            {
                var why = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).FirstOrDefault();
                text.Append($"\n    {node.Target} — {why}\n      {node.Html}");
            }
        }

        return text.ToString();
    }
}
