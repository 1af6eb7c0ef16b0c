using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

[Collection(GongkaiSuite.Name)]
public sealed class HomePageTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    [Fact]
    public async Task Home_page_shows_the_portal_with_skip_link_first_and_main_navigation()
    {
        await GotoOkAsync("/");

        Assert.Contains("政务公开", await Page.TitleAsync());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "政务公开", Level = 1 })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(Page, "gk-home.png");

        // The skip link is out of sight (the style sheet loaded) until the first Tab lands on it; following it
        // moves focus to the content.
        var skip = Page.GetByRole(AriaRole.Link, new() { Name = "跳到主要内容" });
        await Expect(skip).Not.ToBeInViewportAsync();
        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到主要内容", await Page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.Equal("#main", await Page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        await Expect(skip).ToBeInViewportAsync();
        await Page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await Page.EvaluateAsync<string>("() => document.activeElement.id"));

        var nav = Page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        foreach (var item in new[] { "要闻动态", "通知公告", "政策文件", "政府信息公开", "依申请公开", "意见征集", "政策解读" })
        {
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = item, Exact = true })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task Home_page_in_elder_mode_keeps_everything_on_screen()
    {
        await SetElderModeAsync(true);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "政务公开", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "退出长者模式" })).ToBeVisibleAsync();
        // Larger type must not push the page sideways: no horizontal scrolling at 1280 px.
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "elder mode makes the home page wider than the window");

        await Screenshots.SaveAsync(Page, "gk-home-elder.png");
    }
}
