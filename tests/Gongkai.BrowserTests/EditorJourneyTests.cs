using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;

namespace Gongkai.BrowserTests;

/// <summary>
/// The staff editor in a real browser: the toolbar used with the keyboard only, a Word fragment with a table pasted
/// (a real paste event carrying text/html), cleaned by the server, saved, reviewed and published — and the reader sees
/// the table with its cells on the public page. axe-core is clean on the edit page with the editor open.
/// </summary>
[Collection(GongkaiSuite.Name)]
public sealed partial class EditorJourneyTests(GongkaiSuite suite, ChromiumFixture chromium) : BrowserTest(suite, chromium)
{
    private const string Organ = "区民政局";
    private const string Editor = "editor-journey-e";
    private const string Reviewer = "editor-journey-r";
    private const string Password = "Editor-journey-2026";
    private const string Title = "关于2026年政府信息公开申请办理情况的通报";

    private const string WordFragment = """
        <html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta name=Generator content="Microsoft Word 15">
        <style><!-- p.MsoNormal {margin:0cm; font-family:等线;} --></style></head><body lang=ZH-CN style='tab-interval:21.0pt'><!--StartFragment-->
        <p class=MsoNormal><span style='font-family:仿宋_GB2312'>全年办理情况如下表<o:p></o:p></span></p>
        <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
         <tr style='mso-yfti-irow:0'><td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b><span style='font-family:黑体'>事项<o:p></o:p></span></b></p></td>
          <td width=277 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal><b><span style='font-family:黑体'>件数<o:p></o:p></span></b></p></td></tr>
         <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'><td style='border:solid windowtext 1.0pt'><p class=MsoNormal><span style='font-family:仿宋_GB2312'>依申请公开<o:p></o:p></span></p></td>
          <td style='border:solid windowtext 1.0pt'><p class=MsoNormal><span lang=EN-US>128<o:p></o:p></span></p></td></tr>
        </table>
        <!--EndFragment--></body></html>
        """;

    [Fact]
    public async Task Staff_paste_a_word_table_with_the_keyboard_publish_it_and_the_reader_sees_the_cells()
    {
        var admin = Page;
        await SignInAsync();
        await CreateStaffAsync(admin, Editor, "编辑小周", "信息编辑");
        await CreateStaffAsync(admin, Reviewer, "审核人老孙", "审核人");

        var editor = await NewPersonAsync();
        await SignInFirstTimeAsync(editor, Editor, Password, Password + "-own");
        await GotoOkAsync(editor, "/admin/documents/edit");
        await editor.GetByLabel("公开主体（发布机构）").SelectOptionAsync(new SelectOptionValue { Label = Organ });
        await editor.GetByLabel("标题", new() { Exact = true }).FillAsync(Title);
        await editor.GetByLabel("主题分类").SelectOptionAsync(new SelectOptionValue { Label = "社会福利" });
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd");
        await editor.GetByLabel("成文日期", new() { Exact = true }).FillAsync(today);
        await editor.GetByRole(AriaRole.Radio, new() { Name = "主动公开", Exact = true }).CheckAsync();

        // The editor replaced the textarea: a labelled text box with a toolbar of named buttons.
        var area = editor.GetByRole(AriaRole.Textbox, new() { Name = "正文", Exact = true });
        await Expect(area).ToHaveAttributeAsync("contenteditable", "true");
        var toolbar = editor.GetByRole(AriaRole.Toolbar, new() { Name = "正文：编辑工具" });
        await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "二级标题" })).ToBeVisibleAsync();
        await Axe.AssertCleanAsync(editor, "the document edit page with the editor");

        // Keyboard only: Tab from the format choice reaches the first button; type, Alt+F10 to the toolbar, Tab, Enter.
        await editor.GetByLabel("编辑方式").FocusAsync();
        await editor.Keyboard.PressAsync("Tab");
        await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "正文段落" })).ToBeFocusedAsync();
        await editor.Keyboard.PressAsync("Tab");
        await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "二级标题" })).ToBeFocusedAsync();
        await area.FocusAsync();
        await editor.Keyboard.TypeAsync("一、总体情况");
        await editor.Keyboard.PressAsync("Alt+F10");
        await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "正文段落" })).ToBeFocusedAsync();
        await editor.Keyboard.PressAsync("Tab");
        await editor.Keyboard.PressAsync("Enter");
        await Expect(area.Locator("h2")).ToHaveTextAsync("一、总体情况");
        await area.FocusAsync();
        await editor.Keyboard.PressAsync("End");
        await editor.Keyboard.PressAsync("Enter");
        await editor.Keyboard.PressAsync("Control+B");
        await editor.Keyboard.TypeAsync("重点");
        await Expect(area.Locator("b, strong")).ToHaveTextAsync("重点");
        await editor.Keyboard.PressAsync("Control+B");
        await editor.Keyboard.PressAsync("Enter");

        // A real paste event with Word's text/html on the clipboard.
        await area.EvaluateAsync("""
            (el, html) => {
                const data = new DataTransfer();
                data.setData("text/html", html);
                data.setData("text/plain", "全年办理情况如下表\n事项\t件数\n依申请公开\t128");
                el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, WordFragment);
        await Expect(area.GetByRole(AriaRole.Cell, new() { Name = "依申请公开" })).ToBeVisibleAsync();
        await Expect(editor.GetByRole(AriaRole.Status).Filter(new() { HasText = "已粘贴并清理格式" })).ToBeVisibleAsync();
        var html = await area.InnerHTMLAsync();
        Assert.DoesNotContain("Mso", html);
        Assert.DoesNotContain("mso-", html);
        Assert.DoesNotContain("o:p", html);
        var preview = editor.GetByRole(AriaRole.Region, new() { Name = "正文：发布效果预览" });
        await Expect(preview.GetByRole(AriaRole.Cell, new() { Name = "128" })).ToBeVisibleAsync();
        await Axe.AssertCleanAsync(editor, "the document edit page after a paste");

        await editor.GetByRole(AriaRole.Button, new() { Name = "保存并提交审核" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        var docId = DocumentAdminPath().Match(new Uri(editor.Url).AbsolutePath).Groups[1].Value;

        var reviewer = await NewPersonAsync();
        await SignInFirstTimeAsync(reviewer, Reviewer, Password, Password + "-own");
        await GotoOkAsync(reviewer, $"/admin/documents/{docId}");
        var review = reviewer.GetByRole(AriaRole.Region, new() { Name = "保密审查" });
        await review.GetByLabel("审核意见").FillAsync("同意公开。");
        await review.GetByRole(AriaRole.Button, new() { Name = "审查通过" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("保密审查通过，可以发布。");
        var publish = reviewer.GetByRole(AriaRole.Region, new() { Name = "发布", Exact = true });
        await publish.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("已发布。");

        var reader = await NewPersonAsync();
        await GotoOkAsync(reader, $"/documents/{docId}");
        var article = reader.GetByRole(AriaRole.Article);
        await Expect(article.GetByRole(AriaRole.Heading, new() { Name = "一、总体情况", Level = 2 })).ToBeVisibleAsync();
        var table = article.GetByRole(AriaRole.Table);
        await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(table.GetByRole(AriaRole.Cell, new() { Name = "事项" })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Cell, new() { Name = "依申请公开" })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Cell, new() { Name = "128" })).ToBeVisibleAsync();
        Assert.DoesNotContain("mso-", await reader.ContentAsync());

        // The same editor on 政策解读: the editor explains the published document, pasting the Word table into 主要内容;
        // the reviewer publishes it and the reader sees the table on the interpretation's public page.
        await GotoOkAsync(editor, $"/admin/interpretations/edit?policy={docId}");
        await editor.GetByLabel("标题", new() { Exact = true }).FillAsync(InterpretationTitle);
        await Expect(editor.GetByLabel("所解读的政策文件编号（ID，可填多个，每行一个）")).ToHaveValueAsync(docId);
        var main = editor.GetByRole(AriaRole.Textbox, new() { Name = "主要内容", Exact = true });
        await Expect(main).ToHaveAttributeAsync("contenteditable", "true");
        await main.FocusAsync();
        await main.EvaluateAsync("""
            (el, html) => {
                const data = new DataTransfer();
                data.setData("text/html", html);
                data.setData("text/plain", "全年办理情况如下表\n事项\t件数\n依申请公开\t128");
                el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, WordFragment);
        await Expect(main.GetByRole(AriaRole.Cell, new() { Name = "依申请公开" })).ToBeVisibleAsync();
        await Axe.AssertCleanAsync(editor, "the interpretation edit page with nine editors after a paste");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Status).Filter(new() { HasText = "已保存。" })).ToBeVisibleAsync();
        var interpretationId = InterpretationAdminPath().Match(new Uri(editor.Url).AbsolutePath).Groups[1].Value;

        await GotoOkAsync(reviewer, $"/admin/interpretations/edit/{interpretationId}");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "发布解读" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status).Filter(new() { HasText = "已发布。" })).ToBeVisibleAsync();

        await GotoOkAsync(reader, $"/interpretations/{interpretationId}");
        var explained = reader.GetByRole(AriaRole.Article);
        await Expect(explained.GetByRole(AriaRole.Heading, new() { Name = InterpretationTitle, Level = 1 })).ToBeVisibleAsync();
        var interpretationTable = explained.GetByRole(AriaRole.Table);
        await Expect(interpretationTable.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(interpretationTable.GetByRole(AriaRole.Cell, new() { Name = "依申请公开" })).ToBeVisibleAsync();
        await Expect(interpretationTable.GetByRole(AriaRole.Cell, new() { Name = "128" })).ToBeVisibleAsync();
        Assert.DoesNotContain("mso-", await reader.ContentAsync());
    }

    private const string InterpretationTitle = "《关于2026年政府信息公开申请办理情况的通报》解读";

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

    [GeneratedRegex("^/admin/documents/([0-9a-f-]{36})$")]
    private static partial Regex DocumentAdminPath();

    [GeneratedRegex("^/admin/interpretations/edit/([0-9a-f-]{36})$")]
    private static partial Regex InterpretationAdminPath();
}
