using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

/// <summary>
/// 主动公开 from end to end, each person in a browser of their own: the administrator opens two accounts, an editor
/// drafts and submits, a reviewer masks a mobile number, records the 保密审查 opinion and publishes, a reader finds the
/// document by search and in the catalogue, and after the withdrawal it is gone from both.
/// </summary>
[Collection(GongkaiSuite.Name)]
public sealed partial class DocumentJourneyTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    private const string Organ = "区民政局";
    private const string OrganFullName = "北京市西城区民政局";
    private const string OrganCode = "XC015";
    private const string Editor = "journey-editor";
    private const string Reviewer = "journey-reviewer";
    private const string Password = "Journey-pass-2026";

    // 翠鸟 occurs nowhere in the demo documents, so the search finds exactly this one.
    private const string Term = "翠鸟";
    private const string Title = "关于银杏翠鸟社区2026年临时救助情况的公示";
    private const string Mobile = "13800138000";
    private const string MaskedMobile = "138****8000";

    [Fact]
    public async Task Editor_drafts_reviewer_masks_and_publishes_reader_finds_it_then_withdrawal_hides_it()
    {
        var admin = Page;
        await SignInAsync();
        await CreateStaffAsync(admin, Editor, "起草人小李", "信息编辑");
        await CreateStaffAsync(admin, Reviewer, "审核人老张", "审核人");

        // The editor drafts through the form and submits; the personal-data scan finds the mobile number.
        var editor = await NewPersonAsync();
        await SignInFirstTimeAsync(editor, Editor, Password, Password + "-own");
        await editor.GetByRole(AriaRole.Link, new() { Name = "信息发布", Exact = true }).ClickAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = "起草新信息" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "起草新信息", Level = 1 })).ToBeVisibleAsync();
        await editor.GetByLabel("公开主体（发布机构）").SelectOptionAsync(new SelectOptionValue { Label = Organ });
        await editor.GetByLabel("标题", new() { Exact = true }).FillAsync(Title);
        await editor.GetByLabel("主题分类").SelectOptionAsync(new SelectOptionValue { Label = "社会福利" });
        await editor.GetByLabel("信息类别").SelectOptionAsync(new SelectOptionValue { Label = "通知公告" });
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd");
        await editor.GetByLabel("成文日期", new() { Exact = true }).FillAsync(today);
        await editor.GetByRole(AriaRole.Radio, new() { Name = "主动公开", Exact = true }).CheckAsync();
        await editor.GetByLabel("关键词").FillAsync("临时救助");
        await editor.GetByLabel("正文", new() { Exact = true })
            .FillAsync($"经社区评议和街道审核，银杏翠鸟社区2026年临时救助对象共3户，现予公示。如有异议，请联系王女士，手机{Mobile}。");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存并提交审核" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("个人信息检测发现1处");
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        var adminUrl = editor.Url;
        Assert.Matches(DocumentAdminPath(), new Uri(adminUrl).AbsolutePath);
        var docId = DocumentAdminPath().Match(new Uri(adminUrl).AbsolutePath).Groups[1].Value;
        var publicPath = $"/documents/{docId}";

        // The reviewer, another person, masks with one click, records the opinion, approves and publishes now.
        var reviewer = await NewPersonAsync();
        await SignInFirstTimeAsync(reviewer, Reviewer, Password, Password + "-own");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "信息发布", Exact = true }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        var findings = reviewer.GetByRole(AriaRole.Region, new() { Name = "个人信息检测" });
        var finding = findings.GetByRole(AriaRole.Row).Filter(new() { HasText = "手机号码" });
        await Expect(finding).ToContainTextAsync("待处理");
        await Axe.AssertCleanAsync(reviewer, "the reviewer's page with an open finding");
        await finding.GetByRole(AriaRole.Button, new() { Name = "一键脱敏" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("已脱敏。");
        await Expect(finding).ToContainTextAsync("已脱敏");
        await Expect(finding.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        var review = reviewer.GetByRole(AriaRole.Region, new() { Name = "保密审查" });
        await review.GetByLabel("审核意见").FillAsync("经保密审查，手机号码已脱敏，同意公开。");
        await review.GetByRole(AriaRole.Button, new() { Name = "审查通过" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("保密审查通过，可以发布。");
        await Expect(reviewer.Locator("dl.meta")).ToContainTextAsync($"审核人老张（{Reviewer}）：经保密审查，手机号码已脱敏，同意公开。");
        var publish = reviewer.GetByRole(AriaRole.Region, new() { Name = "发布", Exact = true });
        await Expect(publish.GetByLabel("定时发布（留空则立即发布）")).ToBeEmptyAsync();
        await publish.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("已发布。");
        await Expect(reviewer.GetByRole(AriaRole.Link, new() { Name = "查看公开页面" })).ToHaveAttributeAsync("href", publicPath);

        // A reader who is not signed in searches for a word from the title…
        var reader = await NewPersonAsync();
        await SearchAsync(reader, Term);
        await Expect(reader.GetByText("共找到1条结果")).ToBeVisibleAsync();
        var hit = reader.GetByRole(AriaRole.Link, new() { Name = Title });
        await Expect(hit).ToHaveAttributeAsync("href", publicPath);

        // …finds it first in the department's catalogue, newest first…
        await GotoOkAsync(reader, "/catalogue");
        await reader.GetByRole(AriaRole.Navigation, new() { Name = "公开主体" }).GetByRole(AriaRole.Link, new() { Name = Organ }).ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Organ);
        Assert.Equal($"/catalogue/{OrganCode}", new Uri(reader.Url).AbsolutePath);
        var firstRow = reader.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Nth(1);
        await Expect(firstRow).ToContainTextAsync(Title);

        // …and opens it: the metadata block, and the mobile number masked.
        await firstRow.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        Assert.Equal(publicPath, new Uri(reader.Url).AbsolutePath);
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        var meta = reader.GetByLabel("信息索引");
        await Expect(MetaValue(meta, "索引号")).ToHaveTextAsync(new Regex($"^{OrganCode}/\\d{{4}}-\\d{{5}}$"));
        await Expect(MetaValue(meta, "主题分类")).ToHaveTextAsync(@"民政、扶贫、救灾\社会福利");
        await Expect(MetaValue(meta, "发文机关")).ToHaveTextAsync(OrganFullName);
        await Expect(MetaValue(meta, "发布机构")).ToHaveTextAsync(OrganFullName);
        var chineseToday = DateOnly.ParseExact(today, "yyyy-MM-dd");
        var longToday = $"{chineseToday.Year}年{chineseToday.Month}月{chineseToday.Day}日";
        await Expect(MetaValue(meta, "成文日期")).ToHaveTextAsync(longToday);
        await Expect(MetaValue(meta, "发布日期")).ToHaveTextAsync(longToday);
        await Expect(MetaValue(meta, "有效性")).ToHaveTextAsync("有效");
        var body = reader.GetByRole(AriaRole.Article);
        await Expect(body).ToContainTextAsync($"手机{MaskedMobile}");
        await Expect(body).Not.ToContainTextAsync(Mobile);
        Assert.DoesNotContain(Mobile, await reader.ContentAsync());
        await Screenshots.SaveAsync(reader, "gk-document.png");
        await Axe.AssertCleanAsync(reader, "the page of the new document");

        // Staff withdraw it: the reader's next search misses it and its address answers 404.
        await reviewer.ReloadAsync();
        var withdraw = reviewer.GetByRole(AriaRole.Region, new() { Name = "撤回" });
        await withdraw.GetByLabel("撤回理由").FillAsync("公示期满");
        await withdraw.GetByRole(AriaRole.Button, new() { Name = "撤回（网站和搜索中立即不再显示）" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("已撤回，网站和搜索中不再显示。");
        await Expect(reviewer.Locator("dl.meta")).ToContainTextAsync("已撤回");

        await SearchAsync(reader, Term);
        await Expect(reader.GetByText("共找到0条结果")).ToBeVisibleAsync();
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = Title })).ToHaveCountAsync(0);
        var gone = await reader.GotoAsync(publicPath);
        Assert.NotNull(gone);
        Assert.Equal(404, gone.Status);
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertCleanAsync(reader, "the 404 page of the withdrawn document");
        await GotoOkAsync(reader, $"/catalogue/{OrganCode}");
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = Title })).ToHaveCountAsync(0);
    }

    /// <summary>Opens a staff account on the admin pages with one role scoped to <see cref="Organ"/>.</summary>
    private static async Task CreateStaffAsync(IPage admin, string userName, string displayName, string role)
    {
        await GotoOkAsync(admin, "/admin/staff");
        await admin.GetByRole(AriaRole.Link, new() { Name = "新建账号" }).ClickAsync();
        await admin.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
        await admin.GetByLabel("姓名", new() { Exact = true }).FillAsync(displayName);
        await admin.GetByLabel("所属单位").SelectOptionAsync(new SelectOptionValue { Label = Organ });
        await admin.GetByLabel("初始密码（至少12位，含数字，不能含用户名或是常见密码）").FillAsync(Password);
        await admin.GetByRole(AriaRole.Checkbox, new() { Name = $"授予{role}", Exact = true }).CheckAsync();
        await admin.GetByLabel($"{role}的范围", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Organ });
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync($"已保存账号 {userName}。");
    }

    /// <summary>Types the words into the search page's box and sends it, as a reader does.</summary>
    private static async Task SearchAsync(IPage reader, string words)
    {
        await GotoOkAsync(reader, "/search");
        await reader.GetByLabel("搜索词").FillAsync(words);
        await reader.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "搜索结果", Level = 2 })).ToBeVisibleAsync();
    }

    /// <summary>The value (dd) beside a term (dt) in the document's metadata block.</summary>
    private static ILocator MetaValue(ILocator meta, string term) =>
        meta.Locator("div").Filter(new() { Has = meta.Page.Locator("dt", new() { HasTextRegex = new Regex($"^{Regex.Escape(term)}$") }) }).Locator("dd");

    [GeneratedRegex("^/admin/documents/([0-9a-f-]{36})$")]
    private static partial Regex DocumentAdminPath();
}
