using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

/// <summary>
/// Accessibility beyond axe (issue 16 item 6): every main public page reflows at 320 CSS pixels — a phone, and 400 % zoom
/// of a 1280 × 1024 screen (320 × 256) — in normal and in 长者模式, without sideways scrolling of the page (WCAG 1.4.10;
/// a table may scroll inside its own frame); a refused request form shows every error in a summary that takes focus and
/// marks its fields; switching to 长者模式 on the receipt keeps the 查询码.
/// </summary>
[Collection(GongkaiSuite.Name)]
public sealed partial class ReflowAndFormsTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    /// <summary>Elements wider than the page, except inside a scroll frame of their own; and the page's own scroll width.</summary>
    private const string OverflowScript = """
        () => {
            const root = document.documentElement;
            const width = root.clientWidth;
            const scrollsItself = el => {
                for (let p = el.parentElement; p; p = p.parentElement) {
                    const s = getComputedStyle(p);
                    if ((s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') && p !== document.body && p !== root) return true;
                }
                return false;
            };
            const wide = [];
            for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.right <= width + 1 || scrollsItself(el)) continue;
                const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
                wide.push(name + ' right=' + Math.round(r.right) + ' width=' + Math.round(r.width));
                if (wide.length >= 12) break;
            }
            return { scrollWidth: root.scrollWidth, clientWidth: width, wide };
        }
        """;

    /// <summary>Every public page (<see cref="Gongkai.BrowserTests.PublicPages"/>, the list the accessibility test keeps complete).</summary>
    public static TheoryData<string> Pages() => [.. Gongkai.BrowserTests.PublicPages.Addresses];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_reflows_at_320_css_pixels_and_at_400_percent_zoom_in_normal_and_elder_mode(string path)
    {
        if (path == "/en/documents/{id}")
        {
            await AccessibilityTests.GiveADocumentAnEnglishVersionAsync(Page, NewPersonAsync);
        }

        if (path.Contains('{'))
        {
            path = await Gongkai.BrowserTests.PublicPages.ResolveAsync(Page, path);
        }

        var failures = new List<string>();
        // 320 × 640 is a small phone; 320 × 256 at device scale 4 is exactly a 1280 × 1024 screen zoomed to 400 %.
        foreach (var (width, height, scale) in new[] { (320, 640, 1f), (320, 256, 4f) })
        {
            foreach (var elder in new[] { false, true })
            {
                var browser = Page.Context.Browser!;
                var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BaseURL = Server.BaseUrl.ToString(),
                    Locale = "zh-CN",
                    TimezoneId = "Asia/Shanghai",
                    ViewportSize = new ViewportSize { Width = width, Height = height },
                    DeviceScaleFactor = scale,
                });
                try
                {
                    if (elder)
                    {
                        await context.AddCookiesAsync([new Cookie { Name = "gk.elder", Value = "1", Url = Server.BaseUrl.ToString() }]);
                    }

                    var page = await context.NewPageAsync();
                    await GotoOkAsync(page, path);
                    if (elder)
                    {
                        await Expect(page.Locator("body")).ToHaveClassAsync(ElderClass());
                    }

                    var found = await page.EvaluateAsync<JsonElement>(OverflowScript);
                    var scrollWidth = found.GetProperty("scrollWidth").GetInt32();
                    var clientWidth = found.GetProperty("clientWidth").GetInt32();
                    if (scrollWidth > clientWidth)
                    {
                        var wide = string.Join("; ", found.GetProperty("wide").EnumerateArray().Select(e => e.GetString()));
                        failures.Add($"{path} at {width}×{height}×{scale}{(elder ? " 长者模式" : "")}: page is {scrollWidth}px wide in {clientWidth}px ({wide})");
                    }
                }
                finally
                {
                    await context.CloseAsync();
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_refused_request_form_lists_every_error_in_a_summary_that_takes_focus_and_marks_each_field()
    {
        await GotoOkAsync("/requests/new");
        // The promised 必填 marks are there, and the fields say they are required.
        await Expect(Page.Locator("label[for=Input_ApplicantName] .required-mark")).ToHaveTextAsync("必填");
        await Expect(Page.GetByLabel("姓名或单位名称")).ToHaveAttributeAsync("required", "");
        var titleBefore = await Page.TitleAsync();

        await Page.GetByLabel("联系电话").FillAsync("12");
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        var summary = Page.Locator("#error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("请选择受理申请的机关");
        await Expect(summary).ToContainTextAsync("联系电话格式不正确");
        await Expect(summary).ToContainTextAsync("请选择获取信息的方式");
        Assert.True(await summary.Locator("li").CountAsync() >= 8, await summary.InnerTextAsync());
        Assert.StartsWith("错误：", await Page.TitleAsync());
        Assert.NotEqual(titleBefore, await Page.TitleAsync());

        var phone = Page.GetByLabel("联系电话");
        await Expect(phone).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(phone).ToHaveValueAsync("12");
        await Expect(phone).ToHaveAccessibleDescriptionAsync(new Regex("联系电话格式不正确"));
        await Expect(Page.GetByLabel("向哪个机关申请")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByLabel("文号（如知道）")).Not.ToHaveAttributeAsync("aria-invalid", "true");

        // Each entry leads to its field.
        await summary.GetByRole(AriaRole.Link, new() { Name = "联系电话格式不正确，请填写手机号码或带区号的固定电话。" }).ClickAsync();
        await Expect(phone).ToBeFocusedAsync();
        await Axe.AssertCleanAsync(Page, "the refused request form");
    }

    [Fact]
    public async Task Switching_to_elder_mode_on_the_receipt_keeps_the_tracking_number_and_secret_out_of_the_address()
    {
        await GotoOkAsync("/requests/new");
        await Page.GetByLabel("向哪个机关申请").SelectOptionAsync(new SelectOptionValue { Label = "北京市西城区民政局" });
        await Page.GetByLabel("申请人类型").SelectOptionAsync(new SelectOptionValue { Label = "自然人" });
        await Page.GetByLabel("姓名或单位名称").FillAsync("长者模式申请人");
        await Page.GetByLabel("身份证明：证件类型").SelectOptionAsync(new SelectOptionValue { Label = "居民身份证" });
        await Page.GetByLabel("证件号码").FillAsync("110102199003070026");
        await Page.GetByLabel("联系电话").FillAsync("13900139000");
        await Page.GetByLabel("所需信息的名称或内容描述（便于查询的特征性描述）").FillAsync("本区2025年敬老卡发放情况");
        await Page.GetByLabel("所需信息的形式").SelectOptionAsync(new SelectOptionValue { Label = "纸质" });
        await Page.GetByLabel("获取信息的方式").SelectOptionAsync(new SelectOptionValue { Label = "当面领取" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        var number = (await Page.Locator("#tracking-number").InnerTextAsync()).Trim();
        var secret = (await Page.Locator("#secret").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}", secret);
        Assert.Contains("回执", await Page.TitleAsync());

        await Page.GetByRole(AriaRole.Link, new() { Name = "长者模式", Exact = true }).ClickAsync();
        await Expect(Page.Locator("body")).ToHaveClassAsync(ElderClass());
        await Expect(Page.Locator("#tracking-number")).ToHaveTextAsync(number);
        await Expect(Page.Locator("#secret")).ToHaveTextAsync(secret);
        Assert.DoesNotContain(secret, Uri.UnescapeDataString(Page.Url));
        Assert.DoesNotContain(number, Uri.UnescapeDataString(Page.Url));

        await Page.GetByRole(AriaRole.Link, new() { Name = "退出长者模式" }).ClickAsync();
        await Expect(Page.Locator("body")).Not.ToHaveClassAsync(ElderClass());
        await Expect(Page.Locator("#secret")).ToHaveTextAsync(secret);

        // Another browser (no kept receipt) asking for the receipt gets the empty form.
        var other = await NewPersonAsync();
        await GotoOkAsync(other, "/requests/new?handler=receipt");
        await Expect(other.Locator("#secret")).ToHaveCountAsync(0);
        await Expect(other.GetByRole(AriaRole.Button, new() { Name = "提交申请" })).ToBeVisibleAsync();
    }
}
