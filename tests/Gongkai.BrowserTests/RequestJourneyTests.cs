using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

/// <summary>
/// 依申请公开 in the browser, each person in a context of their own: a citizen applies online and follows the request with
/// the tracking number and the secret; a handler registers a letter (平常信函), assigns it, proposes the reply, a reviewer
/// approves it, the handler records the delivery, and the applicant sees it closed.
/// </summary>
[Collection(GongkaiSuite.Name)]
public sealed partial class RequestJourneyTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    private const string Organ = "区民政局";
    private const string Handler = "req-handler";
    private const string Reviewer = "req-reviewer";
    private const string Password = "Request-pass-2026";

    [Fact]
    public async Task Citizen_applies_online_and_follows_with_the_tracking_number_and_secret()
    {
        var citizen = Page;
        await GotoOkAsync(citizen, "/requests/new");
        await FillApplicationAsync(citizen, "网上申请人", "本区2025年社区养老服务驿站名单及运营补贴标准", "电子邮件");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        await Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "申请回执", Level = 1 })).ToBeVisibleAsync();
        await Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("您的申请已提交成功");
        var number = (await citizen.Locator("#tracking-number").InnerTextAsync()).Trim();
        var secret = (await citizen.Locator("#secret").InnerTextAsync()).Trim();
        Assert.Matches(TrackingNumber(), number);
        // A date — from early December until next year's holiday schedule is loaded a provisional one (暂定).
        Assert.Matches(DueDate(), (await citizen.Locator("#due-date").InnerTextAsync()).Trim());
        await Axe.AssertCleanAsync(citizen, "the acknowledgement slip");

        // A wrong secret finds nothing and says so; the right one shows the stage and the due date, and how it was computed.
        await TrackAsync(citizen, number, "WRONG-SECRET");
        await Expect(citizen.Locator("#stage")).ToHaveCountAsync(0);
        await Expect(citizen.GetByRole(AriaRole.Alert)).ToContainTextAsync("不正确");
        await TrackAsync(citizen, number, secret);
        await Expect(citizen.Locator("#stage")).ToHaveTextAsync("已收到，待办理");
        await Expect(citizen.Locator("#due-date")).ToContainTextAsync("年");
        await Expect(citizen.Locator("ol.explanation")).ToContainTextAsync("在线提交");
        await Axe.AssertCleanAsync(citizen, "the tracking page with a request");
    }

    [Fact]
    public async Task Handler_registers_a_letter_reviewer_approves_delivery_closes_and_the_applicant_sees_it()
    {
        var admin = Page;
        await SignInAsync();
        await CreateStaffAsync(admin, Handler, "承办人小王", "依申请办理人");
        await CreateStaffAsync(admin, Reviewer, "审核人老刘", "审核人");

        // The handler registers an ordinary letter that arrived and was confirmed with the applicant today.
        var handler = await NewPersonAsync();
        await SignInFirstTimeAsync(handler, Handler, Password, Password + "-own");
        await GotoOkAsync(handler, "/admin/requests/new");
        var today = Today().ToString("yyyy-MM-dd");
        await handler.GetByLabel("申请渠道").SelectOptionAsync(new SelectOptionValue { Label = "平常信函" });
        await handler.GetByLabel("提交或到达日期（当面、口头：提出之日；信件、传真：到达之日）").FillAsync(today);
        await handler.GetByLabel("与申请人确认日期（平常信函、传真时填写）").FillAsync(today);
        await FillApplicationAsync(handler, "来信申请人", "本区2025年老旧小区加装电梯补贴资金拨付情况", "邮寄");
        await handler.GetByLabel("通信地址（选择邮寄时必填）").FillAsync("北京市西城区某街道1号");
        await handler.GetByLabel("工作人员备注（申请人看不到）").FillAsync("来信附身份证复印件一份");
        await handler.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        var message = handler.GetByRole(AriaRole.Status);
        await Expect(message).ToContainTextAsync("已登记，受理编号");
        var slip = Registered().Match(await message.InnerTextAsync());
        Assert.True(slip.Success, await message.InnerTextAsync());
        var (number, secret) = (slip.Groups[1].Value, slip.Groups[2].Value);
        var casePath = new Uri(handler.Url).AbsolutePath;
        Assert.Matches(CasePath(), casePath);
        await Expect(handler.Locator("#stage")).ToHaveTextAsync("新收待分办");
        await Axe.AssertCleanAsync(handler, "the case page of a new request");

        // Assign to oneself, then propose the reply.
        await handler.GetByLabel("承办人", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"承办人小王（{Handler}）" });
        await handler.GetByRole(AriaRole.Button, new() { Name = "分办", Exact = true }).ClickAsync();
        await Expect(handler.GetByRole(AriaRole.Status)).ToHaveTextAsync("已分办。");
        await Expect(handler.Locator("#stage")).ToHaveTextAsync("办理中");
        await handler.GetByLabel("办理结果").SelectOptionAsync(new SelectOptionValue { Label = "予以公开" });
        await handler.GetByLabel("答复内容（提供的方式、途径和时间）").FillAsync("以邮寄方式提供补贴资金拨付情况表一份");
        await handler.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Expect(handler.GetByRole(AriaRole.Status)).ToHaveTextAsync("拟办意见已提交审核。");
        await Expect(handler.Locator("#stage")).ToHaveTextAsync("待审核");

        // The reviewer finds it in the 待审核 queue and approves.
        var reviewer = await NewPersonAsync();
        await SignInFirstTimeAsync(reviewer, Reviewer, Password, Password + "-own");
        await GotoOkAsync(reviewer, "/admin/requests?stage=AwaitingReview");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        Assert.Equal(casePath, new Uri(reviewer.Url).AbsolutePath);
        await Expect(reviewer.Locator("#reply")).ToContainTextAsync("予以公开");
        await reviewer.GetByLabel("审核意见（退回时必填）").FillAsync("同意公开");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("审核通过，待送达。");
        await Expect(reviewer.Locator("#stage")).ToHaveTextAsync("待送达");

        // issue 16 (applicant): the handler attaches the information the reply releases.
        await handler.ReloadAsync();
        var released = "%PDF-1.7\n% 补贴资金拨付情况表\n"u8.ToArray();
        await handler.GetByLabel("上传文件（PDF、Word、Excel、图片、文本）").SetInputFilesAsync(new FilePayload
        {
            Name = "补贴资金拨付情况表.pdf",
            MimeType = "application/pdf",
            Buffer = released,
        });
        await handler.Locator("#released-files").GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Expect(handler.GetByRole(AriaRole.Status)).ToHaveTextAsync("文件已上传。");
        await Expect(handler.Locator("#released-files")).ToContainTextAsync("补贴资金拨付情况表.pdf");

        // The handler records the delivery; the request closes.
        await handler.GetByLabel("送达方式").SelectOptionAsync(new SelectOptionValue { Label = "邮寄" });
        await handler.GetByLabel("送达日期").FillAsync(today);
        await handler.GetByRole(AriaRole.Button, new() { Name = "记录送达并办结" }).ClickAsync();
        await Expect(handler.GetByRole(AriaRole.Status)).ToHaveTextAsync("已记录送达，申请办结。");
        await Expect(handler.Locator("#stage")).ToHaveTextAsync("已办结");
        await Expect(handler.Locator("#reply")).ToContainTextAsync("审核人老刘");

        // The applicant follows it with the number and secret from the letter: closed, with the outcome; no staff note.
        var applicant = await NewPersonAsync();
        await TrackAsync(applicant, number, secret);
        await Expect(applicant.Locator("#stage")).ToHaveTextAsync("已办结");
        await Expect(applicant.GetByRole(AriaRole.Table, new() { Name = "办理进度" })).ToContainTextAsync("予以公开");
        await Expect(applicant.Locator("ol.explanation")).ToContainTextAsync("办结");
        Assert.DoesNotContain("来信附身份证复印件", await applicant.ContentAsync());

        // issue 16 (applicant): the steps as they happened, and the reply letter as delivered, downloaded as PDF.
        await Expect(applicant.Locator("#steps")).ToContainTextAsync("答复送达，办结");
        await Expect(applicant.Locator("#steps")).ToContainTextAsync("以邮寄方式送达");
        var letters = applicant.Locator("#letters");
        await Expect(letters).ToContainTextAsync("答复书");
        await Axe.AssertCleanAsync(applicant, "the tracking page of a delivered request");
        var download = await applicant.RunAndWaitForDownloadAsync(() => letters.GetByRole(AriaRole.Button).First.ClickAsync());
        Assert.StartsWith(number, download.SuggestedFilename);
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var saved = await download.PathAsync();
        var head = new byte[5];
        await using (var file = File.OpenRead(saved))
        {
            Assert.Equal(5, await file.ReadAsync(head));
        }

        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));

        // And the released file, byte for byte as the handler attached it.
        await Expect(applicant.Locator("#released")).ToContainTextAsync("补贴资金拨付情况表.pdf");
        var releasedDownload = await applicant.RunAndWaitForDownloadAsync(() => applicant.Locator("#released").GetByRole(AriaRole.Button).First.ClickAsync());
        Assert.Equal("补贴资金拨付情况表.pdf", releasedDownload.SuggestedFilename);
        Assert.Equal(released, await File.ReadAllBytesAsync(await releasedDownload.PathAsync()));
        // The 查询码 never travels in an address.
        Assert.DoesNotContain(secret, applicant.Url);

        // The same in English.
        await GotoOkAsync(applicant, "/en/requests/track");
        await applicant.GetByLabel("Tracking number").FillAsync(number);
        await applicant.GetByLabel("Access code").FillAsync(secret);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Look up", Exact = true }).ClickAsync();
        await Expect(applicant.Locator("#stage")).ToHaveTextAsync("Closed");
        await Expect(applicant.Locator("#released")).ToContainTextAsync("补贴资金拨付情况表.pdf");
        await Axe.AssertCleanAsync(applicant, "the English tracking page of a delivered request");
    }

    private static async Task FillApplicationAsync(IPage page, string name, string wanted, string delivery)
    {
        await page.GetByLabel("向哪个机关申请").SelectOptionAsync(new SelectOptionValue { Label = "北京市西城区民政局" });
        await page.GetByLabel("申请人类型").SelectOptionAsync(new SelectOptionValue { Label = "自然人" });
        await page.GetByLabel("姓名或单位名称").FillAsync(name);
        await page.GetByLabel("身份证明：证件类型").SelectOptionAsync(new SelectOptionValue { Label = "居民身份证" });
        await page.GetByLabel("证件号码").FillAsync("110102199003070026");
        await page.GetByLabel("联系电话").FillAsync("13900139000");
        await page.GetByLabel("电子邮箱（选择电子邮件获取时必填）").FillAsync("applicant@example.cn");
        await page.GetByLabel("所需信息的名称或内容描述（便于查询的特征性描述）").FillAsync(wanted);
        await page.GetByLabel("所需信息的形式").SelectOptionAsync(new SelectOptionValue { Label = "纸质" });
        await page.GetByLabel("获取信息的方式").SelectOptionAsync(new SelectOptionValue { Label = delivery });
    }

    private static async Task TrackAsync(IPage page, string number, string secret)
    {
        await GotoOkAsync(page, "/requests/track");
        await page.GetByLabel("受理编号").FillAsync(number);
        await page.GetByLabel("查询码").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "查询申请办理进度", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Opens a staff account with one role scoped to <see cref="Organ"/>, as the administrator does on the admin pages.</summary>
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

    private static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    [GeneratedRegex(@"^\d{4}-[A-Z0-9]+-\d{5}$")]
    private static partial Regex TrackingNumber();

    [GeneratedRegex(@"^(\d{4}年\d{1,2}月\d{1,2}日(（暂定）)?|截止日期待\d{4}年节假日安排发布后计算)$")]
    private static partial Regex DueDate();

    [GeneratedRegex(@"受理编号(\S+?)，查询码(\S+?)（")]
    private static partial Regex Registered();

    [GeneratedRegex("^/admin/requests/[0-9a-f-]{36}$")]
    private static partial Regex CasePath();
}
