using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

/// <summary>
/// 年度报告 in the browser: the clerk opens the overview and an organ's report, enters a figure that breaks a rule and
/// sees the rule next to the cell, follows a cell to the records behind it, checks and publishes the report, and a reader
/// opens the published report in the catalogue with its PDF and Excel. The import page and the district overview too.
/// Each page on the way is axe-clean.
/// </summary>
[Collection(GongkaiSuite.Name)]
public sealed class ReportJourneyTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    [Fact]
    public async Task A_clerk_sees_a_failing_rule_at_its_cell_follows_a_cell_to_its_records_and_publishes_the_report_for_the_public()
    {
        await SignInAsync();
        await GotoOkAsync("/admin/reports?year=2025");
        await Axe.AssertCleanAsync(Page, "/admin/reports");
        await Page.Locator("#reports tr[data-organ='XC015'] a").ClickAsync();
        await Expect(Page.Locator("h1")).ToContainTextAsync("2025年政府信息公开工作年度报告");
        var report = new Uri(Page.Url).AbsolutePath;

        // 规章 现行有效 5 with nothing issued and nothing valid the year before: R7 fails at that cell (a warning).
        await Page.GetByLabel("现行有效件数", new() { Exact = true }).FillAsync("5");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存年度报告");
        var cell = Page.Locator("td[data-cell='二1|rules|valid']");
        await Expect(cell).ToHaveClassAsync("rule-failed");
        await Expect(cell.Locator(".rule-failure[data-rule='R7']")).ToContainTextAsync("上年现行有效0＋本年制发0－本年废止0＝0，而现行有效件数为5");
        await Axe.AssertCleanAsync(Page, "report page with a failing rule");

        // “Why is this number?”: the records behind the count of valid 行政规范性文件.
        var valid = Page.Locator("td[data-cell='二1|normative|valid'] a");
        var count = (await valid.InnerTextAsync()).Trim();
        await valid.ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("年度报告数字对应的记录");
        await Expect(Page.Locator("#records caption")).ToContainTextAsync($"共{count}件");
        await Axe.AssertCleanAsync(Page, "records of a table 二 cell");
        await Page.GetByRole(AriaRole.Link, new() { Name = "返回年度报告" }).ClickAsync();
        Assert.Equal(report, CurrentPath);

        // A table 三 cell opens the requests behind it.
        await Page.Locator("td[data-cell='三|new|total'] a").ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("统计数字对应的申请");
        await Page.GoBackAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "标记为已核对" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已标记为已核对");
        await Page.GetByRole(AriaRole.Button, new() { Name = "发布到政府信息公开目录" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已发布到政府信息公开目录");
        var publicLink = await Page.GetByRole(AriaRole.Link, new() { Name = "查看公开页面" }).GetAttributeAsync("href");
        Assert.NotNull(publicLink);

        var reader = await NewPersonAsync();
        await GotoOkAsync(reader, publicLink);
        await Expect(reader.Locator("h1")).ToContainTextAsync("2025年政府信息公开工作年度报告");
        await Expect(reader.Locator(".doc-meta")).ToContainTextAsync("年度报告");
        await Expect(reader.Locator("article table").Filter(new() { HasText = "三、本年度办理结果" })).ToBeVisibleAsync();
        var pdf = reader.Locator("a[href*='/attachments/']").Filter(new() { HasText = ".pdf" });
        var xlsx = reader.Locator("a[href*='/attachments/']").Filter(new() { HasText = ".xlsx" });
        await Expect(pdf).ToHaveCountAsync(1);
        await Expect(xlsx).ToHaveCountAsync(1);
        var pdfResponse = await reader.APIRequest.GetAsync((await pdf.GetAttributeAsync("href"))!);
        Assert.True(pdfResponse.Ok);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdfResponse.BodyAsync())[..4]));
        await Axe.AssertCleanAsync(reader, "published annual report");
    }

    [Theory]
    [InlineData("/admin/reports?year=2025")]
    [InlineData("/admin/reports?year=2025&status=late")]
    [InlineData("/admin/reports/import")]
    [InlineData("/admin/reports/district/2025")]
    public async Task Report_pages_are_axe_clean_in_normal_and_elder_mode(string path)
    {
        await SignInAsync();
        await GotoOkAsync(path);
        await Expect(Page.Locator("h1")).ToBeVisibleAsync();
        await Axe.AssertCleanAsync(Page, path);
        await SetElderModeAsync(true, path);
        await Expect(Page.Locator("body")).ToHaveClassAsync(ElderClass());
        await Axe.AssertCleanAsync(Page, path + " (elder mode)");
    }

    [Fact]
    public async Task The_import_page_offers_the_template_and_the_district_overview_its_total()
    {
        await SignInAsync();
        await GotoOkAsync("/admin/reports/import");
        // One template per format: the pre-2019 statistics table, the 2019 trial format and the 2021 format.
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "下载Excel导入模板（2019年以前的统计表）" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "下载Excel导入模板" })).ToHaveCountAsync(3);
        await GotoOkAsync("/admin/reports/district/2025");
        await Expect(Page.Locator("#district-total")).ToContainTextAsync("合计（全区年度报告）");
        await Expect(Page.Locator("#district-organs tbody tr[data-organ='XC015']")).ToHaveCountAsync(1);
    }
}
