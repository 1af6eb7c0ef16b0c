using System.Globalization;
using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

/// <summary>
/// 意见征集 from end to end: the organ opens a consultation and publishes it, a citizen comments on an article and keeps
/// the receipt, staff publish the comment and answer it, the period closes on its own, the organ publishes the feedback
/// report and the citizen finds the disposition with the receipt number. Every page on the way is axe-clean.
/// The browser server allows periods of minutes (GongkaiServer), so the test waits for a real closing instant.
/// </summary>
[Collection(GongkaiSuite.Name)]
public sealed class ConsultationJourneyTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    private const string Title = "关于银杏社区养老驿站运营补贴办法公开征求意见";
    private const string Draft = "第一条 为规范养老驿站运营补贴，制定本办法。\n第二条 运营补贴按服务人次每月结算。\n第三条 本办法自发布之日起施行。";

    [Fact]
    public async Task Organ_opens_citizen_comments_on_an_article_staff_answer_and_the_feedback_is_published()
    {
        var beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, beijing).DateTime;
        var opens = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0);
        var closes = opens.AddMinutes(2);

        // The organ (here the administrator, who may act for every organ) drafts and publishes.
        var organ = Page;
        await SignInAsync();
        await GotoOkAsync(organ, "/admin/consultations");
        await organ.GetByRole(AriaRole.Link, new() { Name = "发起意见征集" }).ClickAsync();
        await organ.GetByLabel("发起单位").SelectOptionAsync(new SelectOptionValue { Label = "区民政局" });
        await organ.GetByLabel("标题", new() { Exact = true }).FillAsync(Title);
        await organ.GetByLabel("起草说明", new() { Exact = true }).FillAsync("为加强养老服务驿站建设，起草了本办法。");
        await organ.GetByLabel("开始时间").FillAsync(opens.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await organ.GetByLabel("截止时间").FillAsync(closes.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await organ.GetByLabel("征求意见稿正文").FillAsync(Draft);
        await Axe.AssertCleanAsync(organ, "the new consultation form");
        await organ.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(organ.Locator("p.notice[role=status]")).ToContainTextAsync("已保存草稿");
        await organ.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Expect(organ.Locator("p.notice[role=status]")).ToContainTextAsync("已发布");
        await Axe.AssertCleanAsync(organ, "the staff consultation page");
        var adminPath = new Uri(organ.Url).AbsolutePath;
        var id = adminPath.Split('/').Last();

        // A citizen finds it among open consultations and comments on 第二条.
        var citizen = await NewPersonAsync();
        await GotoOkAsync(citizen, "/consultations");
        await citizen.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Expect(citizen.Locator("#state")).ToHaveTextAsync("征集中");
        await Axe.AssertCleanInBothModesAsync(citizen, "the open consultation page");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "对第二条提出意见" }).ClickAsync();
        await Axe.AssertCleanInBothModesAsync(citizen, "the empty comment form");

        // Sent empty (the browser's own check off), the form is refused with the error summary in focus.
        await citizen.EvaluateAsync("() => document.querySelectorAll('form').forEach(f => f.noValidate = true)");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
        await Expect(citizen.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(citizen.Locator("#error-summary")).ToContainTextAsync("请填写意见内容。");
        await Expect(citizen.GetByLabel("意见内容")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.StartsWith("错误：", await citizen.TitleAsync());
        await Axe.AssertCleanAsync(citizen, "the refused comment form");
        await citizen.GetByLabel("意见内容").FillAsync("建议补贴同时考虑服务质量评价结果，不只看服务人次。");
        await citizen.GetByLabel("联系电话或电子邮箱（选填）").FillAsync("13800138000");
        await Axe.AssertCleanAsync(citizen, "the comment form");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
        var receipt = (await citizen.Locator("#receipt-number").TextContentAsync())!.Trim();
        Assert.Matches("^YJ\\d{8}-[2-9A-HJ-NP-Z]{8}$", receipt);
        await Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("第1版第二条");

        // Staff publish the comment and answer it.
        await GotoOkAsync(organ, $"/admin/consultations/{id}/comments?view=moderation");
        await Expect(organ.Locator("table")).ToContainTextAsync("138****8000");
        await organ.GetByLabel($"选择{receipt}").CheckAsync();
        await organ.GetByRole(AriaRole.Button, new() { Name = "公开所选意见（自动删除个人信息）" }).ClickAsync();
        await Expect(organ.Locator("p.notice[role=status]")).ToContainTextAsync("已公开1条意见");
        await organ.GetByRole(AriaRole.Link, new() { Name = "待答复" }).ClickAsync();
        await Axe.AssertCleanAsync(organ, "the answering list");
        await organ.GetByLabel($"选择{receipt}").CheckAsync();
        await organ.GetByLabel("处理结果").First.SelectOptionAsync(new SelectOptionValue { Label = "采纳" });
        await organ.GetByLabel("答复（未采纳须说明理由）").FillAsync("已在第二条增加服务质量评价因素。");
        await organ.GetByRole(AriaRole.Button, new() { Name = "答复", Exact = true }).ClickAsync();
        await Expect(organ.Locator("p.notice[role=status]")).ToContainTextAsync("已答复1条意见");

        // The period closes on its own at the scheduled minute.
        await GotoOkAsync(organ, adminPath);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!(await organ.Locator("#state").TextContentAsync())!.Contains("已截止，待反馈", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the consultation did not close at its closing time");
            await Task.Delay(TimeSpan.FromSeconds(5));
            await GotoOkAsync(organ, adminPath);
        }

        await organ.GetByRole(AriaRole.Textbox, new() { Name = "意见采纳情况说明", Exact = true }).FillAsync("共收到意见1条，已采纳。");
        await organ.GetByRole(AriaRole.Button, new() { Name = "公布意见采纳情况" }).ClickAsync();
        await Expect(organ.Locator("p.notice[role=status]")).ToContainTextAsync("已公布意见采纳情况");

        // The citizen sees the report and looks the comment up by its receipt number.
        await GotoOkAsync(citizen, $"/consultations/{id}");
        await Expect(citizen.Locator("#feedback-totals")).ToContainTextAsync("共收到意见1条，其中采纳1条");
        await Axe.AssertCleanInBothModesAsync(citizen, "the concluded consultation page");
        await GotoOkAsync(citizen, "/consultations/receipt");
        await citizen.GetByLabel("回执编号").FillAsync(receipt);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(citizen.Locator("#disposition")).ToHaveTextAsync("采纳");
        await Expect(citizen.Locator("#reply")).ToHaveTextAsync("已在第二条增加服务质量评价因素。");
        await Axe.AssertCleanAsync(citizen, "the receipt lookup with an answer");
    }
}
