using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Platform.Staff;
using Gongkai.Policy.Interpretations;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Policy;

/// <summary>
/// The shared editor on 政策解读 (issue 16): a Word fragment with a table pasted into an element is stored sanitised and
/// shown as a table on the public page; text saved as plain text keeps showing as paragraphs; unsafe markup is refused
/// with the element named; images upload into the interpretation and are served to the organ's staff while it is a
/// draft (the preview), to nobody else until it is published.
/// </summary>
public abstract partial class InterpretationEditorTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private const string WordTable = """
        <html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=ZH-CN><!--StartFragment-->
        <p class=MsoNormal><span style='font-family:仿宋_GB2312'>补贴标准如下表<o:p></o:p></span></p>
        <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
         <tr><td width=200 style='border:solid windowtext 1.0pt'><p class=MsoNormal><span style='font-family:黑体'>对象<o:p></o:p></span></p></td>
             <td><p class=MsoNormal>每月补贴</p></td></tr>
         <tr><td><p class=MsoNormal>高龄老人</p></td><td><p class=MsoNormal><span lang=EN-US>300</span>元</p></td></tr>
        </table><!--EndFragment--></body></html>
        """;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 5, 6, 7, 8];

    [GeneratedRegex("/admin/interpretations/edit/([0-9a-f-]{36})")]
    private static partial Regex EditPath();

    private static Guid IdOf(HttpResponseMessage redirect) => Guid.Parse(EditPath().Match(redirect.Headers.Location!.ToString()).Groups[1].Value);

    private async Task<(HttpClient Editor, HttpClient Publisher, Guid Organ, Guid Policy)> ArrangeAsync(string suffix)
    {
        var organ = (await app.OrganAsync("区民政局")).Id;
        await app.StaffAsync("ie-editor" + suffix, "Editor-pass-1", (StaffRole.Editor, organ));
        await app.StaffAsync("ie-publisher" + suffix, "Review-pass-1", (StaffRole.Reviewer, organ));
        var editor = app.Browser();
        await editor.SignInOkAsync("ie-editor" + suffix, "Editor-pass-1");
        var publisher = app.Browser();
        await publisher.SignInOkAsync("ie-publisher" + suffix, "Review-pass-1");
        var policy = await app.PublishAsync(new Publishing.Doc("西城区高龄老人津贴发放办法" + suffix));
        return (editor, publisher, organ, policy);
    }

    private static List<KeyValuePair<string, string>> Form(Guid organ, Guid policy, string title, string mainContent, string? background = null) =>
    [
        new("Input.OrganId", organ.ToString()), new("Input.Title", title), new("Input.Form", "Text"), new("Input.PolicyIds", policy.ToString()),
        new("Input.Speaker", ""), new("Input.MediaUrl", ""), new("Input.Background", background ?? ""), new("Input.Goals", ""),
        new("Input.MainContent", mainContent), new("Input.Scope", ""), new("Input.Standards", ""), new("Input.Notes", ""), new("Input.KeyTerms", ""),
        new("Input.Changes", ""), new("Input.Benefits", ""), new("Input.QuestionsText", ""),
    ];

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string name, byte[] bytes, string? tokenPage = null)
    {
        var edit = $"/admin/interpretations/edit/{id}";
        var token = await client.CsrfTokenAsync(tokenPage ?? edit);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__csrf" }, { new ByteArrayContent(bytes), "file", name } };
        var request = new HttpRequestMessage(HttpMethod.Post, edit + "?handler=Asset") { Content = form };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PublishAsync(HttpClient publisher, Guid id)
    {
        var page = $"/admin/interpretations/edit/{id}";
        return publisher.SubmitAsync(page, [], page + "?handler=Publish");
    }

    [Fact]
    public async Task The_edit_page_offers_the_editor_for_every_element_over_textareas_that_work_without_javascript()
    {
        var (editor, _, _, _) = await ArrangeAsync("1");
        var html = await editor.GetStringAsync("/admin/interpretations/edit");
        Assert.Equal(9, Regex.Matches(html, "data-rich-text").Count);
        Assert.Contains("<textarea id=\"Input_MainContent\" name=\"Input.MainContent\"", html);
        Assert.Matches(@"/js/rich-editor\.[a-z0-9]+\.js", html); // fingerprinted by MapStaticAssets
        Assert.Contains("保存草稿后可上传图片和附件", html.Text());
    }

    [Fact]
    public async Task A_word_table_pasted_into_an_element_is_stored_sanitised_and_shown_as_a_table_on_the_public_page()
    {
        var (editor, publisher, organ, policy) = await ArrangeAsync("2");
        var saved = await editor.SubmitAsync("/admin/interpretations/edit", Form(organ, policy, "《高龄老人津贴发放办法》解读", WordTable, "依据《老年人权益保障法》。\n结合本区实际。"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = IdOf(saved);
        var stored = await app.WithDbAsync(db => db.Set<Interpretation>().SingleAsync(i => i.Id == id));
        Assert.DoesNotContain("Mso", stored.MainContent);
        Assert.DoesNotContain("mso-", stored.MainContent);
        Assert.DoesNotContain("o:p", stored.MainContent);
        Assert.DoesNotContain("style=", stored.MainContent);
        Assert.Contains("<td>高龄老人</td>", stored.MainContent);
        // Plain text stays as typed: the public page shows it as paragraphs, as it always did.
        Assert.Equal("依据《老年人权益保障法》。\n结合本区实际。", stored.Background);

        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(publisher, id)).StatusCode);
        var page = await app.Browser().GetStringAsync($"/interpretations/{id}");
        Assert.Contains("<table>", page);
        Assert.Contains("<td>高龄老人</td>", page);
        Assert.Contains("<td>300元</td>", page);
        Assert.Contains("<p>依据《老年人权益保障法》。</p><p>结合本区实际。</p>", page);
        Assert.DoesNotContain("MsoTableGrid", page);

        // The search index holds the text, not the markup.
        var found = await app.Browser().GetStringAsync("/interpretations?q=" + Uri.EscapeDataString("高龄老人"));
        Assert.Contains($"/interpretations/{id}", found);
    }

    [Fact]
    public async Task Unsafe_markup_is_refused_with_the_element_named_and_nothing_is_saved()
    {
        var (editor, _, organ, policy) = await ArrangeAsync("3");
        var before = await app.WithDbAsync(db => db.Set<Interpretation>().CountAsync());
        var refused = await editor.SubmitAsync("/admin/interpretations/edit",
            Form(organ, policy, "含脚本的解读", "<p onclick=\"steal()\">主要内容</p><script>alert(1)</script>"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = (await refused.Content.ReadAsStringAsync()).Text();
        Assert.Contains("主要内容含有脚本、事件属性或内嵌框架等不安全内容", html);
        Assert.Contains("含脚本的解读", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Interpretation>().CountAsync()));
    }

    [Fact]
    public async Task An_uploaded_image_shows_to_the_organs_staff_in_the_draft_and_to_the_public_once_published()
    {
        var (editor, publisher, organ, policy) = await ArrangeAsync("4");
        var id = IdOf(await editor.SubmitAsync("/admin/interpretations/edit", Form(organ, policy, "《高龄老人津贴发放办法》图解", "<p>见下图。</p>")));
        Assert.Contains($"data-upload-url=\"/admin/interpretations/edit/{id}?handler=Asset\"", (await editor.GetStringAsync($"/admin/interpretations/edit/{id}")).Text());

        var uploaded = await UploadAsync(editor, id, "津贴流程图.png", Png);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var json = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement;
        var url = json.GetProperty("url").GetString()!;
        Assert.StartsWith($"/interpretations/{id}/assets/", url);
        Assert.True(json.GetProperty("isImage").GetBoolean());
        Assert.Equal(["interpretation.create", "interpretation.asset.add"],
            await app.WithDbAsync(db => db.AuditEvents.Where(e => e.TargetId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));

        // A draft: the organ's staff see it (the editor's preview), the public and another organ do not.
        var own = await editor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(Png, await own.Content.ReadAsByteArrayAsync());
        Assert.Contains("no-store", own.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(url)).StatusCode);
        var other = (await app.OrganAsync("区财政局")).Id;
        await app.StaffAsync("ie-outsider4", "Editor-pass-2", (StaffRole.Editor, other));
        var outsider = app.Browser();
        await outsider.SignInOkAsync("ie-outsider4", "Editor-pass-2");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(outsider, id, "a.png", Png, "/admin/interpretations/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/admin/interpretations/edit/{id}")).StatusCode);

        var body = $"<p>见下图。</p><p><img src=\"{url}\" alt=\"津贴发放流程\"></p>";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync($"/admin/interpretations/edit/{id}", Form(organ, policy, "《高龄老人津贴发放办法》图解", body))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(publisher, id)).StatusCode);
        Assert.Contains($"<img src=\"{url}\" alt=\"津贴发放流程\">", await app.Browser().GetStringAsync($"/interpretations/{id}"));
        var image = await app.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_policy_evaluations_findings_pasted_from_word_show_as_a_table_and_plain_follow_up_as_paragraphs()
    {
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var organ = (await app.OrganAsync("区民政局")).Id;
        var year = app.Today.Year.ToString();
        var page = $"/admin/evaluations?year={year}";
        var ok = await admin.SubmitAsync(page,
        [
            new("Input.OrganId", organ.ToString()), new("Input.Year", year), new("Input.PolicyTitle", "西城区高龄老人津贴发放办法"),
            new("Input.Scope", "全区高龄老人"), new("Input.Method", "抽样调查"), new("Input.Findings", WordTable), new("Input.FollowUp", "提高标准。\n简化手续。"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var shown = await app.Browser().GetStringAsync($"/evaluations?year={year}");
        Assert.Contains("<td>高龄老人</td>", shown);
        Assert.Contains("<p>提高标准。</p><p>简化手续。</p>", shown);
        Assert.DoesNotContain("MsoTableGrid", shown);
    }

    [Fact]
    public async Task A_disguised_upload_is_refused_with_the_reason_and_changes_nothing()
    {
        var (editor, _, organ, policy) = await ArrangeAsync("5");
        var id = IdOf(await editor.SubmitAsync("/admin/interpretations/edit", Form(organ, policy, "上传检查", "<p>正文</p>")));
        var disguised = await UploadAsync(editor, id, "照片.jpg", [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[10]]);
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("与扩展名“.jpg”不符", JsonDocument.Parse(await disguised.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.False(await app.WithDbAsync(db => db.Set<InterpretationAsset>().AnyAsync(a => a.InterpretationId == id)));
    }
}

public sealed class InterpretationEditorTests_Sqlite(SqliteApp app) : InterpretationEditorTests<SqliteApp>(app);

public sealed class InterpretationEditorTests_Postgres(PostgresApp app) : InterpretationEditorTests<PostgresApp>(app);
