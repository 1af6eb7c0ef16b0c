using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

/// <summary>
/// 政策解读 and 政策评价 in the browser: staff write a Q&amp;A interpretation of a published document and publish it, a
/// citizen finds it by a term of an answer, reads it and follows the link to the policy; an evaluation is published;
/// then the interpretation is withdrawn and its page is gone. Every public page on the way (list, search, one
/// interpretation, evaluations) and the staff pages are axe-clean.
/// </summary>
[Collection(GongkaiSuite.Name)]
public sealed class PolicyPagesTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    private const string Title = "一问一答读懂低保政策";

    [Fact]
    public async Task Staff_publish_an_interpretation_and_an_evaluation_citizens_find_and_read_them_and_a_withdrawal_removes_it()
    {
        var staff = Page;
        await SignInAsync();
        var policy = await FirstDocumentAsync(staff);
        var policyId = policy.Split('/').Last();

        await GotoOkAsync(staff, $"/admin/interpretations/edit?policy={policyId}");
        await staff.GetByLabel("标题", new() { Exact = true }).FillAsync(Title);
        await staff.GetByLabel("解读形式").SelectOptionAsync(new SelectOptionValue { Label = "问答" });
        await staff.GetByRole(AriaRole.Textbox, new() { Name = "主要内容", Exact = true }).FillAsync("明确了最低生活保障的申请条件和办理流程。");
        await staff.GetByLabel("问答（每个问题以“问：”开头，答案以“答：”开头）").FillAsync(
            "问：申请低保需要准备哪些材料？\n答：身份证、户口簿和家庭收入证明，向户籍所在地街道办事处提出申请。\n问：多久能办结？\n答：一般在三十个工作日内办结。");
        await Axe.AssertCleanAsync(staff, "the interpretation form");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(staff.Locator("p.notice[role=status]")).ToContainTextAsync("已保存");
        await staff.GetByRole(AriaRole.Button, new() { Name = "发布解读" }).ClickAsync();
        await Expect(staff.Locator("#status")).ToHaveTextAsync("已发布");
        await Axe.AssertCleanAsync(staff, "the published interpretation (staff)");
        var editPath = new Uri(staff.Url).AbsolutePath;
        var id = editPath.Split('/').Last();
        await GotoOkAsync(staff, "/admin/interpretations");
        await Axe.AssertCleanAsync(staff, "the staff interpretation list");

        // A citizen searches by a term of an answer and reads it.
        var citizen = await NewPersonAsync();
        await GotoOkAsync(citizen, "/interpretations");
        await Expect(citizen.GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync();
        await Axe.AssertCleanInBothModesAsync(citizen, "the interpretation list");
        await GotoOkAsync(citizen, "/interpretations?q=" + Uri.EscapeDataString("户籍所在地街道"));
        await Axe.AssertCleanAsync(citizen, "the interpretation search");
        await citizen.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Expect(citizen.Locator("main")).ToContainTextAsync("问：多久能办结？");
        await Axe.AssertCleanInBothModesAsync(citizen, "one interpretation");
        Assert.True(await citizen.Locator($"a[href='/documents/{policyId}']").CountAsync() >= 1, "the interpretation links to its policy");

        // An evaluation published by the office appears on the public page.
        var year = DateTime.UtcNow.AddHours(8).Year;
        await GotoOkAsync(staff, $"/admin/evaluations?year={year}");
        await staff.GetByLabel("被评价的政策").FillAsync("西城区最低生活保障实施办法");
        await staff.GetByLabel("评价范围").FillAsync("全区低保家庭");
        await staff.GetByLabel("评价方式").FillAsync("入户抽样调查和数据比对");
        await staff.GetByRole(AriaRole.Textbox, new() { Name = "评价结论", Exact = true }).FillAsync("保障对象认定准确率较高，动态调整及时。");
        await staff.GetByRole(AriaRole.Textbox, new() { Name = "改进措施", Exact = true }).FillAsync("加强跨部门数据共享。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Expect(staff.Locator("p.notice[role=status]")).ToContainTextAsync("已发布政策评价");
        await Axe.AssertCleanAsync(staff, "the staff evaluation page");
        await GotoOkAsync(citizen, $"/evaluations?year={year}");
        await Expect(citizen.Locator("main")).ToContainTextAsync("保障对象认定准确率较高");
        await Axe.AssertCleanInBothModesAsync(citizen, "the evaluations page");

        // Withdrawn, the interpretation is gone from the public.
        await GotoOkAsync(staff, editPath);
        await staff.GetByLabel("撤回理由").FillAsync("政策已修订，解读将重新编写。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "撤回解读" }).ClickAsync();
        await Expect(staff.Locator("#status")).ToHaveTextAsync("已撤回");
        await Expect(staff.Locator("#withdrawal")).ToContainTextAsync("政策已修订");
        var gone = await citizen.GotoAsync($"/interpretations/{id}");
        Assert.Equal(404, gone!.Status);
        await GotoOkAsync(citizen, "/interpretations?q=" + Uri.EscapeDataString("户籍所在地街道"));
        await Expect(citizen.GetByRole(AriaRole.Link, new() { Name = Title })).ToHaveCountAsync(0);
    }

    /// <summary>A published demo document (they are written just after the server starts listening).</summary>
    private static async Task<string> FirstDocumentAsync(IPage page)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var response = await page.APIRequest.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(GongkaiServer.DemoSearchTerm));
            var json = await response.JsonAsync();
            if (response.Ok && json?.GetProperty("items").GetArrayLength() > 0)
            {
                return json.Value.GetProperty("items")[0].GetProperty("url").GetString()!;
            }

            Assert.True(DateTime.UtcNow < deadline, "no published document found");
            await Task.Delay(1000);
        }
    }
}
