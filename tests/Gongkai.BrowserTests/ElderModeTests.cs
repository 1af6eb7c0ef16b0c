using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

[Collection(GongkaiSuite.Name)]
public sealed class ElderModeTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    [Fact]
    public async Task Elder_mode_enlarges_type_persists_across_pages_and_reloads_and_switches_off_from_the_header()
    {
        var body = Page.Locator("body");
        await GotoOkAsync("/");
        await Expect(body).Not.ToHaveClassAsync(ElderClass());
        var normalSize = await BodyFontSizeAsync();

        await SetElderModeAsync(true);
        var elderSize = await BodyFontSizeAsync();
        Assert.True(elderSize > normalSize, $"body font-size in elder mode is {elderSize}px, not larger than {normalSize}px");

        await GotoOkAsync("/account/login");
        await Expect(body).ToHaveClassAsync(ElderClass());
        await Page.GoBackAsync();
        Assert.Equal("/", CurrentPath);
        await Expect(body).ToHaveClassAsync(ElderClass());
        await Page.ReloadAsync();
        await Expect(body).ToHaveClassAsync(ElderClass());
        Assert.Equal(elderSize, await BodyFontSizeAsync());

        await Page.GetByRole(AriaRole.Link, new() { Name = "退出长者模式" }).ClickAsync();
        await Expect(body).Not.ToHaveClassAsync(ElderClass());
        Assert.Equal("/", CurrentPath);
        Assert.Equal(normalSize, await BodyFontSizeAsync());
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "长者模式", Exact = true })).ToBeVisibleAsync();

        await Page.ReloadAsync();
        await Expect(body).Not.ToHaveClassAsync(ElderClass());
    }
}
