using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

/// <summary>
/// The English version (/en, issue 16 item 4) in the browser: the language switch leads to the Chinese counterpart and
/// back, the English application form files a request and shows the receipt, and axe-core finds nothing serious or
/// critical on any English page, in normal and in elder mode.
/// </summary>
[Collection(GongkaiSuite.Name)]
public sealed partial class EnglishPagesTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    [GeneratedRegex(@"^\d{4}-XC\d{3}-\d{5}$")]
    private static partial Regex TrackingNumber();

    [GeneratedRegex(@"^\d{1,2} [A-Z][a-z]+ \d{4}( \(provisional\))?$")]
    private static partial Regex EnglishDate();

    [Fact]
    public async Task The_language_switch_leads_from_the_English_home_to_the_Chinese_home_and_from_the_guide_back()
    {
        await GotoOkAsync("/en");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToHaveCountAsync(1);
        await Page.GetByRole(AriaRole.Link, new() { Name = "中文", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/$"));
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        await GotoOkAsync("/guide");
        await Page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/en/guide$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Guide to government information", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_English_form_refuses_in_English_then_files_the_request_and_shows_the_receipt()
    {
        await GotoOkAsync("/en/request");
        await Page.GetByLabel("Body you are applying to").SelectOptionAsync(new SelectOptionValue { Label = "Xicheng District Civil Affairs Bureau" });
        await Page.GetByLabel("Type of applicant").SelectOptionAsync(new SelectOptionValue { Label = "Natural person" });
        await Page.GetByLabel("Name of the person or organisation").FillAsync("Jane Applicant");
        await Page.GetByLabel("Proof of identity: type of document").SelectOptionAsync(new SelectOptionValue { Label = "Resident identity card" });
        await Page.GetByLabel("Document number", new() { Exact = false }).First.FillAsync("110102199003070027");
        await Page.GetByLabel("Telephone").FillAsync("+44 20 7946 0958");
        await Page.GetByLabel("E-mail (required if you want the reply by e-mail)").FillAsync("jane@example.org");
        await Page.GetByLabel("Name or description of the information you want").FillAsync("Minutes of the district executive meeting, March 2026");
        await Page.GetByLabel("Form of the information").SelectOptionAsync(new SelectOptionValue { Label = "Electronic" });
        await Page.GetByLabel("How you want to receive it").SelectOptionAsync(new SelectOptionValue { Label = "By e-mail" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).ClickAsync();

        // A wrong check character: refused in English, everything typed kept.
        await Expect(Page.Locator("main")).ToContainTextAsync("The check character of the resident identity card number is wrong");
        await Expect(Page.GetByLabel("Name of the person or organisation")).ToHaveValueAsync("Jane Applicant");
        await Page.Locator("#Input_IdNumber").FillAsync("110102199003070026");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Receipt", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your request has been submitted");
        Assert.Matches(TrackingNumber(), (await Page.Locator("#tracking-number").InnerTextAsync()).Trim());
        Assert.Matches(EnglishDate(), (await Page.Locator("#due-date").InnerTextAsync()).Trim());
        await Axe.AssertCleanAsync(Page, "the English receipt");
    }

    [Theory]
    [InlineData("/en")]
    [InlineData("/en/about")]
    [InlineData("/en/news")]
    [InlineData("/en/documents")]
    [InlineData("/en/guide")]
    [InlineData("/en/request")]
    [InlineData("/en/requests/track")]
    public async Task English_page_has_no_serious_or_critical_violation_in_normal_or_elder_mode(string path)
    {
        await GotoOkAsync(path);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.Locator("body")).Not.ToHaveClassAsync(ElderClass());
        var normal = await Axe.BlockingViolationsAsync(Page);
        await SetElderModeAsync(true, path);
        await Expect(Page.Locator("body")).ToHaveClassAsync(ElderClass());
        var elder = await Axe.BlockingViolationsAsync(Page);
        Assert.True(normal.Count == 0 && elder.Count == 0, (Axe.Describe($"{path} in normal mode", normal) + Axe.Describe($"{path} in elder mode", elder)).TrimStart());
    }
}
