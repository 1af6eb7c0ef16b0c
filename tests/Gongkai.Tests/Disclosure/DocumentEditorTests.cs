using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Disclosure;

/// <summary>
/// The staff editor over HTTP: the preview answers what publication stores, plain text becomes paragraphs, Word markup is
/// cleaned on save, and the editor's uploads are attachments of the document — checked, audited, 404 for another organ,
/// served to the public only once the document is published.
/// </summary>
public abstract partial class DocumentEditorTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private const string WordTable = """
        <html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=ZH-CN><!--StartFragment-->
        <h2><span style='font-family:黑体'>一、办理情况</span></h2>
        <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
         <tr><td width=200 style='border:solid windowtext 1.0pt'><p class=MsoNormal><span style='font-family:仿宋'>事项<o:p></o:p></span></p></td>
             <td><p class=MsoNormal>件数</p></td></tr>
         <tr><td><p class=MsoNormal>政府信息公开申请</p></td><td><p class=MsoNormal><span lang=EN-US>128</span></p></td></tr>
        </table><!--EndFragment--></body></html>
        """;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private async Task<(HttpClient Editor, HttpClient Reviewer, Guid Organ)> StaffAsync(string suffix)
    {
        var organ = (await app.OrganAsync("区民政局")).Id;
        await app.StaffAsync("ed-editor" + suffix, "Editor-pass-1", (StaffRole.Editor, organ));
        await app.StaffAsync("ed-reviewer" + suffix, "Review-pass-1", (StaffRole.Reviewer, organ));
        var editor = app.Browser();
        await editor.SignInOkAsync("ed-editor" + suffix, "Editor-pass-1");
        var reviewer = app.Browser();
        await reviewer.SignInOkAsync("ed-reviewer" + suffix, "Review-pass-1");
        return (editor, reviewer, organ);
    }

    private static List<KeyValuePair<string, string>> Form(Guid organ, string title, string body, string format = "html") =>
    [
        new("Input.OrganId", organ.ToString()), new("Input.Title", title), new("Input.SubjectCategory", "民政、扶贫、救灾\\社会福利"),
        new("Input.InformationType", "Notice"), new("Input.WrittenOn", "2026-11-02"), new("Input.FormedOn", ""),
        new("Input.Attribute", "Proactive"), new("Input.Body", body), new("Input.BodyFormat", format), new("then", "save"),
    ];

    [GeneratedRegex("/admin/documents/([0-9a-f-]{36})")]
    private static partial Regex DocumentId();

    private static Guid IdOf(HttpResponseMessage redirect) => Guid.Parse(DocumentId().Match(redirect.Headers.Location!.ToString()).Groups[1].Value);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<HttpResponseMessage> PreviewAsync(HttpClient client, string body, string format)
    {
        var token = await client.CsrfTokenAsync("/admin/rich-text/preview");
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/rich-text/preview")
        {
            Content = new FormUrlEncodedContent([new("__csrf", token), new("body", body), new("format", format)]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string name, byte[] bytes)
    {
        var edit = $"/admin/documents/edit/{id}";
        var token = await client.CsrfTokenAsync(edit);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__csrf" }, { new ByteArrayContent(bytes), "file", name } };
        var request = new HttpRequestMessage(HttpMethod.Post, edit + "?handler=Asset") { Content = form };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_edit_page_offers_the_editor_over_a_textarea_that_works_without_javascript()
    {
        var (editor, _, organ) = await StaffAsync("1");
        var html = await editor.GetStringAsync("/admin/documents/edit");
        Assert.Contains("data-rich-text", html);
        Assert.Contains("<textarea id=\"Input_Body\" name=\"Input.Body\"", html);
        Assert.Contains("name=\"Input.BodyFormat\"", html);
        Assert.Matches(@"/js/rich-editor\.[a-z0-9]+\.js", html); // fingerprinted by MapStaticAssets
        Assert.Contains("保存草稿后可上传图片和附件", html.Text());
        var id = IdOf(await editor.SubmitAsync("/admin/documents/edit", Form(organ, "编辑器草稿", "<p>正文</p>")));
        Assert.Contains($"data-upload-url=\"/admin/documents/edit/{id}?handler=Asset\"", (await editor.GetStringAsync($"/admin/documents/edit/{id}")).Text());
    }

    [Fact]
    public async Task The_preview_is_what_publication_stores()
    {
        var (editor, _, organ) = await StaffAsync("2");
        var preview = await PreviewAsync(editor, WordTable, "html");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var shown = (await JsonAsync(preview)).GetProperty("html").GetString()!;
        Assert.Contains("<td>政府信息公开申请</td>", shown);
        Assert.DoesNotContain("Mso", shown);
        Assert.DoesNotContain("o:p", shown);

        var id = IdOf(await editor.SubmitAsync("/admin/documents/edit", Form(organ, "Word粘贴的草稿", WordTable)));
        Assert.Equal(shown, await app.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.BodyHtml).SingleAsync()));

        var text = await PreviewAsync(editor, "第一段\n第二段 <b>", "text");
        Assert.Equal("<p>第一段</p><p>第二段 &lt;b&gt;</p>", (await JsonAsync(text)).GetProperty("html").GetString());

        // Without JavaScript the same page is a form that shows the result.
        var noScript = await editor.SubmitAsync("/admin/rich-text/preview", [new("body", "<p onclick=\"x()\">甲</p><script>alert(1)</script>"), new("format", "html")]);
        var page = await noScript.Content.ReadAsStringAsync();
        Assert.Contains("<div class=\"rich-preview doc-body\"><p>甲</p></div>", page);
        Assert.DoesNotContain("alert(1)</script>", page);
    }

    [Fact]
    public async Task The_preview_needs_a_signed_in_member_of_staff_and_a_csrf_token()
    {
        var anonymous = app.Browser();
        var response = await anonymous.PostAsync("/admin/rich-text/preview", new FormUrlEncodedContent([new("body", "<p>甲</p>"), new("format", "html")]));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var (editor, _, _) = await StaffAsync("3");
        var noToken = await editor.PostAsync("/admin/rich-text/preview", new FormUrlEncodedContent([new("body", "<p>甲</p>"), new("format", "html")]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Fact]
    public async Task Plain_text_mode_saves_each_line_as_a_paragraph()
    {
        var (editor, _, organ) = await StaffAsync("4");
        var id = IdOf(await editor.SubmitAsync("/admin/documents/edit", Form(organ, "纯文本草稿", "各街道办事处：\r\n\r\n现将有关事项通知如下。\r\n", "text")));
        var doc = await app.WithDbAsync(db => db.Documents.SingleAsync(d => d.Id == id));
        Assert.Equal("<p>各街道办事处：</p><p>现将有关事项通知如下。</p>", doc.BodyHtml);
    }

    [Fact]
    public async Task An_uploaded_image_is_an_attachment_shown_to_the_public_only_once_published()
    {
        var (editor, reviewer, organ) = await StaffAsync("5");
        var id = IdOf(await editor.SubmitAsync("/admin/documents/edit", Form(organ, "带图片的通知", "<p>见下图。</p>")));
        var before = await app.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.RowVersion).SingleAsync());

        var uploaded = await UploadAsync(editor, id, "区位图.png", Png);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var json = await JsonAsync(uploaded);
        var url = json.GetProperty("url").GetString()!;
        Assert.StartsWith($"/documents/{id}/attachments/", url);
        Assert.True(json.GetProperty("isImage").GetBoolean());
        Assert.Equal("区位图.png", json.GetProperty("name").GetString());
        Assert.True(json.GetProperty("version").GetInt64() >= before);
        Assert.Equal(["document.create", "document.attachment.add"],
            await app.WithDbAsync(db => db.AuditEvents.Where(e => e.TargetId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(url)).StatusCode);
        // The draft's image shows in the staff preview: served to signed-in staff of the organ, never stored by caches.
        var own = await editor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(Png, await own.Content.ReadAsByteArrayAsync());
        Assert.Contains("no-store", own.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(url)).StatusCode);
        var other = (await app.OrganAsync("区财政局")).Id;
        await app.StaffAsync("cz-ed-viewer5", "Editor-pass-3", (StaffRole.Editor, other));
        var outsider = app.Browser();
        await outsider.SignInOkAsync("cz-ed-viewer5", "Editor-pass-3");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);

        var edit = $"/admin/documents/edit/{id}";
        var form = Form(organ, "带图片的通知", $"<p>见下图。</p><p><img src=\"{url}\" alt=\"区位图\"></p>");
        form.RemoveAll(f => f.Key == "then");
        form.Add(new("then", "submit"));
        form.Add(new("Version", json.GetProperty("version").GetInt64().ToString()));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(edit, form)).StatusCode);
        var page = $"/admin/documents/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(page, [new("opinion", "同意")], page + "?handler=Approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(page, [new("at", "")], page + "?handler=Publish")).StatusCode);

        var publicPage = await app.Browser().GetStringAsync($"/documents/{id}");
        Assert.Contains($"<img src=\"{url}\" alt=\"区位图\">", publicPage);
        var image = await app.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Uploads_that_are_too_large_or_of_the_wrong_type_are_refused_with_the_reason_and_change_nothing()
    {
        var (editor, _, organ) = await StaffAsync("6");
        var id = IdOf(await editor.SubmitAsync("/admin/documents/edit", Form(organ, "上传检查", "<p>正文</p>")));

        var tooLarge = await UploadAsync(editor, id, "大图.png", [.. Png, .. new byte[20 * 1024 * 1024]]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("超过上限20MB", (await JsonAsync(tooLarge)).GetProperty("error").GetString());

        var program = await UploadAsync(editor, id, "程序.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
        Assert.Equal(HttpStatusCode.BadRequest, program.StatusCode);
        Assert.Contains("类型不受支持", (await JsonAsync(program)).GetProperty("error").GetString());

        var disguised = await UploadAsync(editor, id, "照片.jpg", [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[10]]);
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("与扩展名“.jpg”不符", (await JsonAsync(disguised)).GetProperty("error").GetString());

        Assert.False(await app.WithDbAsync(db => db.DocumentAttachments.AnyAsync(a => a.DocumentId == id)));
        Assert.Equal(["document.create"], await app.WithDbAsync(db => db.AuditEvents.Where(e => e.TargetId == id.ToString()).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task Another_organs_editor_cannot_upload_to_the_document_404()
    {
        var (editor, _, organ) = await StaffAsync("7");
        var id = IdOf(await editor.SubmitAsync("/admin/documents/edit", Form(organ, "他人上传", "<p>正文</p>")));
        var other = (await app.OrganAsync("区财政局")).Id;
        await app.StaffAsync("cz-ed-editor", "Editor-pass-2", (StaffRole.Editor, other));
        var outsider = app.Browser();
        await outsider.SignInOkAsync("cz-ed-editor", "Editor-pass-2");
        var token = await outsider.CsrfTokenAsync("/admin/documents/edit");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__csrf" }, { new ByteArrayContent(Png), "file", "a.png" } };
        var response = await outsider.PostAsync($"/admin/documents/edit/{id}?handler=Asset", form);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.DocumentAttachments.AnyAsync(a => a.DocumentId == id)));
    }
}

public sealed class DocumentEditorTests_Sqlite(SqliteApp app) : DocumentEditorTests<SqliteApp>(app);

public sealed class DocumentEditorTests_Postgres(PostgresApp app) : DocumentEditorTests<PostgresApp>(app);
