using System.Globalization;
using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

[Collection(GongkaiSuite.Name)]
public sealed class SignInTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    [Fact]
    public async Task Administrator_signs_in_and_sees_the_work_list_then_a_wrong_password_is_refused()
    {
        await SubmitSignInAsync(GongkaiServer.AdminUserName, GongkaiServer.AdminPassword);

        await ExpectWorkListAsync();
        var organs = Page.Locator(".work-list li").Filter(new() { HasText = "组织机构" });
        await Expect(organs).ToBeVisibleAsync();
        var count = int.Parse(await organs.Locator(".work-count").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(count > 0, $"the work list shows {count} 组织机构");

        // Sign out from the header, then try again with a wrong password.
        await Page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "工作人员登录" })).ToBeVisibleAsync();
        await SubmitSignInAsync(GongkaiServer.AdminUserName, GongkaiServer.AdminPassword + "x");

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码不正确");
        Assert.Equal("/account/login", CurrentPath);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).Not.ToBeVisibleAsync();
    }

    [Fact]
    public async Task Sign_in_form_is_reachable_with_Tab_and_submits_with_Enter()
    {
        await GotoOkAsync("/account/login");

        // From the top of the page, Tab until the user name field has focus.
        var presses = 0;
        while (await FocusedAsync() != "input#UserName")
        {
            Assert.True(++presses <= 30, $"30 presses of Tab never reached the user name field (last focus: {await FocusedAsync()})");
            await Page.Keyboard.PressAsync("Tab");
        }

        await Page.Keyboard.TypeAsync(GongkaiServer.AdminUserName);
        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("input#Password", await FocusedAsync());
        await Page.Keyboard.TypeAsync(GongkaiServer.AdminPassword);
        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("button:登录", await FocusedAsync());

        await Page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("input#Password", await FocusedAsync());
        await Page.Keyboard.PressAsync("Enter");

        await ExpectWorkListAsync();
    }

    /// <summary>The focused element as "input#id", or "button:text" for a button.</summary>
    private Task<string> FocusedAsync() => Page.EvaluateAsync<string>("""
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return "body";
            const tag = e.tagName.toLowerCase();
            return tag === "button" ? "button:" + e.textContent.trim() : tag + (e.id ? "#" + e.id : "");
        }
        """);
}
