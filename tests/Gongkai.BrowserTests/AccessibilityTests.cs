using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

/// <summary>
/// axe-core (WCAG 2.0/2.1 A and AA) finds nothing serious or critical, in normal and in elder-friendly mode, on every
/// public page in both languages (<see cref="PublicPages"/>: each public route, the states of the public forms) and on
/// the main staff pages. The list cannot fall behind the site: a public route, a column of the site map or a link of
/// the navigation or footer that is not in it fails <see cref="Every_public_route_is_checked_or_says_where_it_is"/> or
/// <see cref="Every_page_of_the_site_map_navigation_and_footer_is_checked"/>.
/// </summary>
[Collection(GongkaiSuite.Name)]
public sealed class AccessibilityTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    private static readonly string[] StaffPages =
    [
        "/admin", "/admin/documents", "/admin/documents/edit", "/admin/requests", "/admin/requests/new", "/admin/requests/identical",
        "/admin/requests/templates", "/admin/consultations", "/admin/consultations/new", "/admin/plans", "/admin/plans/import",
        "/admin/plans/scores", "/admin/plans/reminders?kind=DueSoon", "/admin/site-errors", "/admin/evaluations", "/admin/interpretations",
    ];

    public static TheoryData<string> Pages() => [.. PublicPages.Addresses, .. PublicPages.States, .. StaffPages];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_serious_or_critical_violation_in_normal_or_elder_mode(string page)
    {
        if (page.StartsWith("/admin", StringComparison.Ordinal))
        {
            await SignInAsync();
        }

        // One context for both modes: axe's own run opens a page of its own, which is slow on a small machine.
        var normal = await OpenAsync(page, elder: false);
        var elder = await OpenAsync(page, elder: true);
        Assert.True(normal.Count == 0 && elder.Count == 0, (Axe.Describe($"{page} in normal mode", normal) + Axe.Describe($"{page} in elder mode", elder)).TrimStart());
    }

    [Fact]
    public void Every_public_route_is_checked_or_says_where_it_is()
    {
        var routes = PublicPages.PublicRoutes();
        Assert.True(routes.Count > 30, $"only {routes.Count} public routes found");
        var listed = PublicPages.Addresses.Select(a => a.Split('#')[0].Split('?')[0]).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var route in routes)
        {
            var template = PublicPages.Template(route);
            var alternatives = PublicPages.Alternatives(route);
            var covered = alternatives.Count > 0
                ? alternatives.All(PublicPages.Listed)
                : listed.Contains(template) || PublicPages.Elsewhere.ContainsKey(template) ||
                  listed.Any(a => !a.Contains('{') && Regex.IsMatch(a, "^" + Regex.Replace(Regex.Escape(template).Replace(@"\{", "{"), @"\{[A-Za-z]+\}", "[^/]+") + "$"));
            if (!covered)
            {
                missing.Add(route);
            }
        }

        Assert.True(missing.Count == 0, "public pages neither in PublicPages.Addresses nor in PublicPages.Elsewhere: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_page_of_the_site_map_navigation_and_footer_is_checked()
    {
        var origin = Server.BaseUrl.GetLeftPart(UriPartial.Authority);
        var missing = new List<string>();
        foreach (var (from, selector) in new[] { ("/sitemap", "main a[href]"), ("/", "header a[href], nav a[href], footer a[href]"), ("/en", "header a[href], nav a[href], footer a[href], main a[href]") })
        {
            await GotoOkAsync(from);
            var hrefs = await Page.EvaluateAsync<string[]>($"() => Array.from(document.querySelectorAll('{selector}')).map(a => a.href)");
            Assert.NotEmpty(hrefs);
            foreach (var href in hrefs)
            {
                var url = new Uri(href);
                if (url.GetLeftPart(UriPartial.Authority) != origin || url.AbsolutePath.StartsWith("/preferences/", StringComparison.Ordinal) ||
                    url.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) || url.AbsolutePath.StartsWith("/admin", StringComparison.Ordinal) ||
                    Path.HasExtension(url.AbsolutePath))
                {
                    continue; // the mode switch, the API and its reference, staff pages, files (feeds, sitemap.xml)
                }

                // The English news and documents link to documents of the demo; the document template is listed.
                if (!PublicPages.Listed(url.AbsolutePath) && !missing.Contains(url.AbsolutePath))
                {
                    missing.Add($"{url.AbsolutePath} (linked from {from})");
                }
            }
        }

        Assert.True(missing.Count == 0, "pages linked from the site map, the navigation or the footer that the accessibility test does not open: " + string.Join(", ", missing));
    }

    /// <summary>Opens a page (or brings a form into its state) in the mode asked for and runs axe on it.</summary>
    private async Task<List<AxeResultItem>> OpenAsync(string page, bool elder)
    {
        await Page.Context.AddCookiesAsync([new Cookie { Name = "gk.elder", Value = elder ? "1" : "0", Url = Server.BaseUrl.ToString() }]);
        var parts = page.Split('#', 2);
        var path = parts[0];
        var state = parts.Length > 1 ? parts[1] : null;
        if (path == "/en/documents/{id}")
        {
            await GiveADocumentAnEnglishVersionAsync(Page, NewPersonAsync);
        }

        if (path.Contains('{'))
        {
            path = await PublicPages.ResolveAsync(Page, page);
        }

        switch (state)
        {
            case null or "年度报告":
                await GotoOkAsync(path);
                Assert.Equal(Uri.UnescapeDataString(path), Uri.UnescapeDataString(new Uri(Page.Url).PathAndQuery));
                break;
            case "错误":
                await GotoOkAsync(path);
                await Page.EvaluateAsync("() => document.querySelectorAll('form').forEach(f => f.noValidate = true)");
                await Page.Locator("main form[method=post] button[type=submit]").Last.ClickAsync();
                await Expect(Page.Locator("#error-summary")).ToBeFocusedAsync();
                Assert.Matches("^(错误：|Error: )", await Page.TitleAsync());
                break;
            case "回执" when path == "/requests/new":
                await FileRequestAsync(Page);
                break;
            case "结果" when path == "/requests/track":
                var (number, secret) = await FileRequestAsync(Page);
                await GotoOkAsync("/requests/track");
                await Page.GetByLabel("受理编号").FillAsync(number);
                await Page.GetByLabel("查询码").FillAsync(secret);
                await Page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
                await Expect(Page.Locator("table.meta")).ToBeVisibleAsync();
                break;
            case "回执" when path == "/site-errors":
                await ReportSiteErrorAsync(Page);
                break;
            case "结果" when path == "/site-errors/receipt":
                var receipt = await ReportSiteErrorAsync(Page);
                await GotoOkAsync("/site-errors/receipt");
                await Page.GetByLabel("回执编号").FillAsync(receipt);
                await Page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
                await Expect(Page.Locator("table.meta")).ToBeVisibleAsync();
                break;
            case "回执" when path == "/en/request":
                await FileEnglishRequestAsync(Page);
                break;
            default:
                throw new ArgumentException($"no way to reach the state {state} of {path}");
        }

        if (state == "回执")
        {
            Assert.Matches("回执|已收到|Receipt", await Page.TitleAsync());
        }

        if (elder)
        {
            await Expect(Page.Locator("body")).ToHaveClassAsync(ElderClass());
        }
        else
        {
            await Expect(Page.Locator("body")).Not.ToHaveClassAsync(ElderClass());
        }

        return await Axe.BlockingViolationsAsync(Page);
    }

    /// <summary>The demo documents have no English title: staff give one to a published document, as the editor does.</summary>
    internal static async Task GiveADocumentAnEnglishVersionAsync(IPage page, Func<Task<IPage>> newPerson)
    {
        var response = await page.APIRequest.GetAsync("/en/documents");
        if ((await response.TextAsync()).Contains("href=\"/en/documents/", StringComparison.Ordinal))
        {
            return;
        }

        var staff = await newPerson();
        await SignInAsync(staff, GongkaiServer.AdminUserName, GongkaiServer.AdminPassword);
        var document = await PublicPages.ResolveAsync(staff, PublicPages.PublishedDocument);
        await GotoOkAsync(staff, "/admin/documents/edit/" + document.Split('/').Last());
        await staff.GetByLabel("英文标题").FillAsync("Minimum living allowance: who may apply");
        await staff.GetByLabel("英文摘要").FillAsync("Who may apply for the minimum living allowance in the district, and how.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存英文版" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
    }

    /// <summary>Files a request on the Chinese form; answers the tracking number and the secret of its receipt.</summary>
    internal static async Task<(string Number, string Secret)> FileRequestAsync(IPage page)
    {
        await GotoOkAsync(page, "/requests/new");
        await page.GetByLabel("向哪个机关申请").SelectOptionAsync(new SelectOptionValue { Label = "北京市西城区民政局" });
        await page.GetByLabel("申请人类型").SelectOptionAsync(new SelectOptionValue { Label = "自然人" });
        await page.GetByLabel("姓名或单位名称").FillAsync("无障碍检查申请人");
        await page.GetByLabel("身份证明：证件类型").SelectOptionAsync(new SelectOptionValue { Label = "居民身份证" });
        await page.GetByLabel("证件号码").FillAsync("110102199003070026");
        await page.GetByLabel("联系电话").FillAsync("13900139000");
        await page.GetByLabel("所需信息的名称或内容描述（便于查询的特征性描述）").FillAsync("本区2025年无障碍设施改造情况");
        await page.GetByLabel("所需信息的形式").SelectOptionAsync(new SelectOptionValue { Label = "纸质" });
        await page.GetByLabel("获取信息的方式").SelectOptionAsync(new SelectOptionValue { Label = "当面领取" });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Expect(page.Locator("#secret")).ToBeVisibleAsync();
        return ((await page.Locator("#tracking-number").InnerTextAsync()).Trim(), (await page.Locator("#secret").InnerTextAsync()).Trim());
    }

    private static async Task FileEnglishRequestAsync(IPage page)
    {
        await GotoOkAsync(page, "/en/request");
        await page.GetByLabel("Body you are applying to").SelectOptionAsync(new SelectOptionValue { Label = "Xicheng District Civil Affairs Bureau" });
        await page.GetByLabel("Type of applicant").SelectOptionAsync(new SelectOptionValue { Label = "Natural person" });
        await page.GetByLabel("Name of the person or organisation").FillAsync("Jane Applicant");
        await page.GetByLabel("Proof of identity: type of document").SelectOptionAsync(new SelectOptionValue { Label = "Resident identity card" });
        await page.Locator("#Input_IdNumber").FillAsync("110102199003070026");
        await page.GetByLabel("Telephone").FillAsync("+44 20 7946 0958");
        await page.GetByLabel("Name or description of the information you want").FillAsync("Accessibility works of the district, 2025");
        await page.GetByLabel("Form of the information").SelectOptionAsync(new SelectOptionValue { Label = "Paper" });
        await page.GetByLabel("How you want to receive it").SelectOptionAsync(new SelectOptionValue { Label = "Collect in person" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).ClickAsync();
        await Expect(page.Locator("#tracking-number")).ToBeVisibleAsync();
    }

    /// <summary>Sends a 网站找错 message; answers its receipt number.</summary>
    private static async Task<string> ReportSiteErrorAsync(IPage page)
    {
        await GotoOkAsync(page, "/site-errors");
        await page.GetByLabel("出错页面地址（选填）").FillAsync("/guide");
        await page.GetByLabel("问题描述（必填）").FillAsync("指南页面的联系电话显示不全。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Expect(page.Locator("#receipt")).ToBeVisibleAsync();
        return (await page.Locator("#receipt strong").InnerTextAsync()).Trim();
    }
}
