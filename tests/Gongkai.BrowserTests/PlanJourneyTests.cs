using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

/// <summary>
/// 工作要点 from paste to public page: the administrator pastes a plan, sees each task beside its marked source,
/// corrects a unit, saves, opens the ledger, makes the plan public, and a reader filters the public page.
/// Each page on the way is axe-clean.
/// </summary>
[Collection(GongkaiSuite.Name)]
public sealed partial class PlanJourneyTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    private const string Plan = """
        西城区2026年政务公开工作要点

        一、推进决策公开
        （一）重大决策预公开
        1. 做好重大行政决策事项目录公开。(区政府办牵头,区司法局负责落实,完成时限: 2026 年 6 月)
        2. 做好政策解读。推进政策问答库建设。(区发展改革委、区财政局分别负责 落实,完成时限: 2026年10月)
        二、推进执行公开
        1. 做好重点民生实事进展公开。(区民政局等区政府相关部门负责落实,完成时限: 2026年12月)
        """;

    [GeneratedRegex("^/admin/plans/([0-9a-f-]{36})$")]
    private static partial Regex LedgerPath();

    [Fact]
    public async Task Administrator_reviews_corrects_and_saves_a_plan_then_the_public_sees_its_progress_page()
    {
        await SignInAsync();
        await GotoOkAsync("/admin/plans");
        await Axe.AssertCleanAsync(Page, "/admin/plans");
        await Page.GetByLabel("或粘贴全文").FillAsync(Plan);
        await Page.GetByRole(AriaRole.Button, new() { Name = "识别任务" }).ClickAsync();

        await Expect(Page.Locator("#parse-summary")).ToContainTextAsync("识别出3项任务");
        await Expect(Page.Locator("mark.src-text")).ToHaveCountAsync(3);
        await Expect(Page.Locator("mark.src-units").First).ToContainTextAsync("区司法局负责落实");
        await Axe.AssertCleanAsync(Page, "import review");

        // "分别负责落实" with two sentences and two units: paired, no review needed; the open list is flagged.
        await Expect(Page.Locator("#task-2")).ToContainTextAsync("单位名单以“等”概括");
        var lead = Page.Locator("#task-0").GetByLabel("牵头单位（顿号分隔）");
        await Expect(lead).ToHaveValueAsync("区政府办");
        await lead.FillAsync("区政府办、区政务服务局");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存工作计划" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("共3项任务");
        var path = new Uri(Page.Url).AbsolutePath;
        Assert.Matches(LedgerPath(), path);
        await Expect(Page.Locator("#ledger tbody tr")).ToHaveCountAsync(3);
        await Expect(Page.Locator("#ledger tbody tr").First).ToContainTextAsync("区政府办、区政务服务局");
        await Axe.AssertCleanAsync(Page, "ledger");
        await Page.GetByRole(AriaRole.Button, new() { Name = "向社会公开落实情况" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "查看公开页面" })).ToBeVisibleAsync();

        var reader = await NewPersonAsync();
        var id = LedgerPath().Match(path).Groups[1].Value;
        await GotoOkAsync(reader, "/plans");
        await reader.GetByRole(AriaRole.Link, new() { Name = "西城区2026年政务公开工作要点" }).ClickAsync();
        Assert.Equal($"/plans/{id}", new Uri(reader.Url).AbsolutePath);
        await Expect(reader.Locator("#summary")).ToContainTextAsync("任务 3");
        await Expect(reader.Locator("#tasks tbody tr")).ToHaveCountAsync(3);
        await Axe.AssertCleanAsync(reader, "public plan page");
        await reader.GetByLabel("单位").SelectOptionAsync(new SelectOptionValue { Label = "区财政局" });
        await reader.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(reader.Locator("#tasks tbody tr")).ToHaveCountAsync(1);
        await Expect(reader.Locator("#tasks tbody tr").First).ToContainTextAsync("做好政策解读");
    }
}
