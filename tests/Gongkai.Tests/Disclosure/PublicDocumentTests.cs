using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Disclosure.Documents;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Disclosure;

/// <summary>The public document page /documents/{id} and its attachment downloads.</summary>
public abstract class PublicDocumentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private static string Meta(string html, string name)
    {
        var match = Regex.Match(html, $"<meta name=\"{name}\" content=\"([^\"]*)\"");
        Assert.True(match.Success, $"no <meta name=\"{name}\">");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static string Field(string html, string label)
    {
        var match = Regex.Match(html, $"<dt>{label}</dt><dd[^>]*>([^<]*)</dd>");
        Assert.True(match.Success, $"no {label} in the metadata block");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [Fact]
    public async Task The_document_page_shows_the_metadata_block_page_metadata_and_the_sanitised_body()
    {
        var id = await app.PublishAsync(new Publishing.Doc("关于调整城乡居民最低生活保障标准的通知",
            Body: "<p>本区<strong>最低生活保障</strong>标准调整为每人每月1450元。</p>", Number: "西民发[2026]12号", Type: InformationType.NormativeDocument,
            Summary: "低保标准调整为每月1450元。", Keywords: "低保"));
        var response = await app.Browser().GetAsync($"/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Matches($@"^XC\d{{3}}/{app.Today.Year}-\d{{5}}$", Field(html, "索引号"));
        Assert.Equal("民政、扶贫、救灾\\社会福利", Field(html, "主题分类"));
        Assert.Equal("北京市西城区民政局", Field(html, "发文机关"));
        Assert.Equal("2026年11月2日", Field(html, "成文日期"));
        Assert.Equal("关于调整城乡居民最低生活保障标准的通知", Field(html, "标题"));
        Assert.Equal("西民发〔2026〕12号", Field(html, "发文字号"));
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日$", Field(html, "发布日期"));
        Assert.Equal("北京市西城区民政局", Field(html, "发布机构"));
        Assert.Equal("规范性文件", Field(html, "信息类别"));
        Assert.Equal("有效", Field(html, "有效性"));
        Assert.DoesNotContain("validity-banner", html);

        Assert.Equal("关于调整城乡居民最低生活保障标准的通知", Meta(html, "ArticleTitle"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", Meta(html, "PubDate"));
        Assert.Equal("北京市西城区民政局", Meta(html, "ContentSource"));
        Assert.Equal("规范性文件", Meta(html, "ColumnName"));
        Assert.Equal("北京市西城区人民政府", Meta(html, "SiteName"));
        Assert.NotEmpty(Meta(html, "SiteDomain"));
        Assert.Equal("低保", Meta(html, "Keywords"));
        Assert.Equal("低保标准调整为每月1450元。", Meta(html, "Description"));
        Assert.Contains("<strong>最低生活保障</strong>", html);
        Assert.Contains("<h1 id=\"doc-title\" class=\"doc-title\">关于调整城乡居民最低生活保障标准的通知</h1>", html);
    }

    [Theory]
    [InlineData(Validity.Repealed, "废止")]
    [InlineData(Validity.Expired, "失效")]
    [InlineData(Validity.Amended, "修改")]
    public async Task A_document_no_longer_valid_stays_reachable_with_a_banner_giving_the_date_and_note(Validity validity, string word)
    {
        var id = await app.PublishAsync(new Publishing.Doc($"有效性测试{word}", Type: InformationType.NormativeDocument));
        var client = app.Browser();
        Assert.DoesNotContain("validity-banner", await client.GetStringAsync($"/documents/{id}")); // now cached

        await app.ChangeValidityAsync(id, validity, "2026-11-20", $"已被新文件{word}替代。");
        var response = await client.GetAsync($"/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = (await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains("validity-banner", html);
        Assert.Contains($"本文件已{word}", html);
        Assert.Contains($"本文件已于2026年11月20日{word}。", html);
        Assert.Contains($"说明：已被新文件{word}替代。", html);
        Assert.Equal($"{word}（2026年11月20日）", Field(html, "有效性"));
    }

    [Fact]
    public async Task Withdrawn_draft_and_non_proactive_documents_answer_404_in_Chinese()
    {
        var client = app.Browser();
        var withdrawn = await app.PublishAsync(new Publishing.Doc("将被撤回的信息"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/documents/{withdrawn}")).StatusCode); // cached as public
        await app.WithdrawAsync(withdrawn);
        var gone = await client.GetAsync($"/documents/{withdrawn}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("未找到您要访问的页面", await gone.Content.ReadAsStringAsync());

        var draft = await app.PublishAsync(new Publishing.Doc("尚未发布的草稿", Publish: false));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/documents/{draft}")).StatusCode);
        var onRequest = await app.PublishAsync(new Publishing.Doc("依申请公开的信息", Attribute: DisclosureAttribute.OnRequest));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/documents/{onRequest}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/documents/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/documents/not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task An_attachment_downloads_with_its_type_and_UTF8_name_only_while_the_document_is_public()
    {
        var pdf = Publishing.Pdf(Guid.NewGuid().ToString());
        var id = await app.PublishAsync(new Publishing.Doc("附有附件的通知", Attachments: [("低保标准调整表.pdf", pdf), ("说明.txt", "附件说明\n"u8.ToArray())]));
        var client = app.Browser();
        var html = await client.GetStringAsync($"/documents/{id}");
        var links = Regex.Matches(html, $"href=\"(/documents/{id}/attachments/[0-9a-f-]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, links.Count);
        Assert.Contains("低保标准调整表.pdf", html);
        Assert.Contains("（PDF，", html);

        var response = await client.GetAsync(links[0]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("低保标准调整表.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition.DispositionType);
        Assert.Contains("filename*=UTF-8''%E4%BD%8E%E4%BF%9D", response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        var text = await client.GetAsync(links[1]);
        Assert.Equal("text/plain; charset=utf-8", text.Content.Headers.ContentType!.ToString());
        Assert.Equal("说明.txt", text.Content.Headers.ContentDisposition!.FileNameStar);

        // Another document's address with this attachment, an unknown attachment, a draft's attachment: 404.
        var other = await app.PublishAsync(new Publishing.Doc("另一条信息"));
        var attachmentId = links[0].Split('/').Last();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/documents/{other}/attachments/{attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/documents/{id}/attachments/{Guid.NewGuid()}")).StatusCode);
        var draft = await app.PublishAsync(new Publishing.Doc("带附件的草稿", Publish: false, Attachments: [("草稿附件.pdf", Publishing.Pdf("draft"))]));
        var draftAttachment = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Set<DocumentAttachment>().Where(a => a.DocumentId == draft).Select(a => a.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/documents/{draft}/attachments/{draftAttachment}")).StatusCode);

        await app.WithdrawAsync(id);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(links[0])).StatusCode);
    }
}

public sealed class PublicDocumentTests_Sqlite(SqliteApp app) : PublicDocumentTests<SqliteApp>(app);

public sealed class PublicDocumentTests_Postgres(PostgresApp app) : PublicDocumentTests<PostgresApp>(app);
