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
        await Axe.AssertCleanInBothModesAsync(reader, "public plan page");
        await reader.GetByLabel("单位", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "区财政局" });
        await reader.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(reader.Locator("#tasks tbody tr")).ToHaveCountAsync(1);
        await Expect(reader.Locator("#tasks tbody tr").First).ToContainTextAsync("做好政策解读");
    }

    /// <summary>A plan of 120 tasks: the public page shows 100, a pager with the current page marked, the filters; all axe-clean.</summary>
    private static string LongPlan()
    {
        var sb = new System.Text.StringBuilder("东城区2026年重点工作分页测试要点\n\n一、推进政务公开\n");
        for (var i = 1; i <= 120; i++)
        {
            var unit = i % 2 == 0 ? "区财政局" : "区司法局";
            sb.Append(i).Append(". 做好第").Append(i).Append(i == 117 ? "项公共资源配置信息公开。" : "项重点领域信息公开。")
                .Append('(').Append(unit).Append("负责落实,完成时限: 2026年").Append(1 + i % 12).Append("月)\n");
        }

        return sb.ToString();
    }

    [Fact]
    public async Task The_public_page_of_a_long_plan_pages_and_filters_and_stays_axe_clean()
    {
        await SignInAsync();
        await GotoOkAsync("/admin/plans");
        await Page.GetByLabel("或粘贴全文").FillAsync(LongPlan());
        await Page.GetByRole(AriaRole.Button, new() { Name = "识别任务" }).ClickAsync();
        await Expect(Page.Locator("#parse-summary")).ToContainTextAsync("识别出120项任务");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存工作计划" }).ClickAsync();
        await Expect(Page.Locator("#ledger tbody tr")).ToHaveCountAsync(100);
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "分页" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "向社会公开落实情况" }).ClickAsync();
        var id = LedgerPath().Match(new Uri(Page.Url).AbsolutePath).Groups[1].Value;

        var reader = await NewPersonAsync();
        await GotoOkAsync(reader, $"/plans/{id}");
        await Expect(reader.Locator("#tasks tbody tr")).ToHaveCountAsync(100);
        var pager = reader.GetByRole(AriaRole.Navigation, new() { Name = "分页" });
        await Expect(pager.Locator("[aria-current=page]")).ToHaveTextAsync("1");
        await Axe.AssertCleanAsync(reader, "public plan page with pager");
        await pager.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await Expect(reader.Locator("#tasks tbody tr")).ToHaveCountAsync(20);
        await Expect(reader.Locator("#tasks tbody tr").First).ToContainTextAsync("做好第101项");

        await reader.GetByLabel("任务或单位中的文字").FillAsync("公共资源");
        await reader.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(reader.Locator("#tasks tbody tr")).ToHaveCountAsync(1);
        await Expect(reader.Locator("#tasks caption")).ToContainTextAsync("共1项任务");
        await Axe.AssertCleanAsync(reader, "public plan page filtered");
    }
}
