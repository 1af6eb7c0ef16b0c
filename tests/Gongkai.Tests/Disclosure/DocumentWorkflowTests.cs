using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Disclosure.Review;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Disclosure;

/// <summary>The staff journey through the pages: draft, submit, review with the personal-data scan, publish, revise, withdraw.</summary>
public abstract partial class DocumentWorkflowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private async Task<(HttpClient Editor, HttpClient Reviewer, Guid Organ)> StaffAsync(string suffix)
    {
        var organ = (await app.OrganAsync("区民政局")).Id;
        await app.StaffAsync("wf-editor" + suffix, "Editor-pass-1", (StaffRole.Editor, organ));
        await app.StaffAsync("wf-reviewer" + suffix, "Review-pass-1", (StaffRole.Reviewer, organ));
        var editor = app.Browser();
        await editor.SignInOkAsync("wf-editor" + suffix, "Editor-pass-1");
        var reviewer = app.Browser();
        await reviewer.SignInOkAsync("wf-reviewer" + suffix, "Review-pass-1");
        return (editor, reviewer, organ);
    }

    private static List<KeyValuePair<string, string>> Form(Guid organ, string title, string body, string? attribute = "Proactive", string type = "Notice", string? formed = null) =>
    [
        new("Input.OrganId", organ.ToString()), new("Input.Title", title), new("Input.SubjectCategory", "民政、扶贫、救灾\\社会福利"),
        new("Input.InformationType", type), new("Input.WrittenOn", "2026-11-02"), new("Input.FormedOn", formed ?? ""),
        new("Input.Attribute", attribute ?? ""), new("Input.Body", body), new("Input.BodyFormat", "html"),
    ];

    [GeneratedRegex("/admin/documents/([0-9a-f-]{36})")]
    private static partial Regex DocumentId();

    private static Guid IdOf(HttpResponseMessage redirect) => Guid.Parse(DocumentId().Match(redirect.Headers.Location!.ToString()).Groups[1].Value);

    private Task<List<string>> TrailAsync(Guid id) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.TargetId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    [Fact]
    public async Task Draft_submit_review_with_findings_publish_and_withdraw()
    {
        var (editor, reviewer, organ) = await StaffAsync("1");
        var created = await editor.SubmitAsync("/admin/documents/edit",
            Form(organ, "2026年11月临时救助公示", "<p>救助对象李四，手机13800138000，身份证110102198001011239。</p>").Append(new("then", "submit")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdOf(created);
        var page = $"/admin/documents/{id}";
        Assert.Contains("个人信息检测发现2处", (await editor.GetStringAsync(page)).Text());

        var early = await reviewer.SubmitAsync(page, [new("opinion", "同意")], page + "?handler=Approve");
        Assert.Contains("还有2处个人信息检测结果未处理", (await early.Content.ReadAsStringAsync()).Text());

        var findings = await app.WithDbAsync(db => db.PrivacyFindings.Where(f => f.DocumentId == id).OrderBy(f => f.Id).ToListAsync());
        var mobile = findings.Single(f => f.Kind == PersonalDataKind.Mobile);
        var idCard = findings.Single(f => f.Kind == PersonalDataKind.IdNumber);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(page, [new("finding", idCard.Id.ToString())], page + "?handler=Mask")).StatusCode);
        var noReason = await reviewer.SubmitAsync(page, [new("finding", mobile.Id.ToString()), new("reason", "")], page + "?handler=Confirm");
        Assert.Contains("确认可以公开时必须说明理由", (await noReason.Content.ReadAsStringAsync()).Text());
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(page, [new("finding", mobile.Id.ToString()), new("reason", "救助热线工作号码")], page + "?handler=Confirm")).StatusCode);

        var doc = await app.WithDbAsync(db => db.Documents.SingleAsync(d => d.Id == id));
        Assert.Contains("110***********1239", doc.BodyHtml);
        Assert.DoesNotContain("110102198001011239", doc.BodyHtml + doc.BodyText);
        Assert.Contains("13800138000", doc.BodyText);

        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(page, [new("opinion", "经保密审查，可以公开")], page + "?handler=Approve")).StatusCode);
        var backdated = await reviewer.SubmitAsync(page, [new("at", "2026-01-01T09:00")], page + "?handler=Publish");
        Assert.Contains("不得倒填发布日期", (await backdated.Content.ReadAsStringAsync()).Text());
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(page, [new("at", "")], page + "?handler=Publish")).StatusCode);
        doc = await app.WithDbAsync(db => db.Documents.SingleAsync(d => d.Id == id));
        Assert.Equal(DocumentStatus.Published, doc.Status);
        Assert.Equal("经保密审查，可以公开", doc.ReviewOpinion);
        Assert.Contains("测试wf-reviewer1", doc.ReviewerName);

        var search = await app.Browser().GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("临时救助"));
        Assert.Contains(id.ToString(), search);
        var noReasonWithdraw = await reviewer.SubmitAsync(page, [new("reason", "")], page + "?handler=Withdraw");
        Assert.Contains("请说明撤回理由", (await noReasonWithdraw.Content.ReadAsStringAsync()).Text());
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(page, [new("reason", "公示期满")], page + "?handler=Withdraw")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await app.Browser().GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("临时救助")));

        Assert.Equal(
            ["document.create", "document.submit", "document.finding.mask", "document.finding.confirm", "document.review.approve", "document.publish", "document.withdraw"],
            await TrailAsync(id));
    }

    [Fact]
    public async Task Drafting_refuses_a_missing_attribute_and_scripts_and_keeps_the_text()
    {
        var (editor, _, organ) = await StaffAsync("2");
        var missing = await editor.SubmitAsync("/admin/documents/edit", Form(organ, "无属性的草稿", "<p>正文</p>", attribute: null).Append(new("then", "save")));
        var html = (await missing.Content.ReadAsStringAsync()).Text();
        Assert.Contains("请选择公开属性", html);
        Assert.Contains("value=\"无属性的草稿\"", html);
        var script = await editor.SubmitAsync("/admin/documents/edit", Form(organ, "带脚本的草稿", "<p>正文</p><script>alert(1)</script>").Append(new("then", "save")));
        Assert.Contains("不安全内容", (await script.Content.ReadAsStringAsync()).Text());
        Assert.False(await app.WithDbAsync(db => db.Documents.AnyAsync(d => d.Title == "无属性的草稿" || d.Title == "带脚本的草稿")));
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_and_size()
    {
        var (editor, _, organ) = await StaffAsync("3");
        var id = IdOf(await editor.SubmitAsync("/admin/documents/edit", Form(organ, "附件测试", "<p>见附件。</p>").Append(new("then", "save"))));
        var page = $"/admin/documents/{id}";

        async Task<string> UploadAsync(string name, byte[] bytes)
        {
            var token = await editor.CsrfTokenAsync(page);
            using var form = new MultipartFormDataContent { { new StringContent(token), "__csrf" }, { new ByteArrayContent(bytes), "file", name } };
            var response = await editor.PostAsync(page + "?handler=Upload", form);
            return response.StatusCode == HttpStatusCode.Redirect ? "ok" : (await response.Content.ReadAsStringAsync()).Text();
        }

        Assert.Equal("ok", await UploadAsync("通知.pdf", [.. "%PDF-1.7\n1 0 obj\n"u8.ToArray(), .. new byte[100]]));
        Assert.Contains("内容是图片文件，与扩展名“.pdf”不符", await UploadAsync("伪装.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]));
        Assert.Contains("类型不受支持", await UploadAsync("程序.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));
        Assert.Contains("是空文件", await UploadAsync("空.txt", []));
        Assert.Equal("ok", await UploadAsync("名单.txt", "序号,姓名,电话\n1,王五,13912345678\n"u8.ToArray()));
        Assert.Contains("内容是文本文件，与扩展名“.docx”不符", await UploadAsync("名单.docx", "纯文本"u8.ToArray()));
        var attachments = await app.WithDbAsync(db => db.DocumentAttachments.Where(a => a.DocumentId == id).OrderBy(a => a.SortOrder).ToListAsync());
        Assert.Equal(["application/pdf", "text/plain; charset=utf-8"], attachments.Select(a => a.ContentType));
        Assert.Contains("document.attachment.add", await TrailAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(page, [], page + "?handler=Submit")).StatusCode);
        var finding = await app.WithDbAsync(db => db.PrivacyFindings.SingleAsync(f => f.DocumentId == id));
        Assert.Equal("名单.txt", finding.Source);
        Assert.Equal("139****5678", finding.MaskedText);
    }

    [Fact]
    public async Task A_list_is_revised_with_its_history_and_its_10_working_day_rule()
    {
        var (editor, reviewer, organ) = await StaffAsync("4");
        var id = IdOf(await editor.SubmitAsync("/admin/documents/edit",
            Form(organ, "区民政局权力清单", "<p>第一版清单。</p>", type: "List", formed: "2026-11-02").Append(new("then", "submit"))));
        var page = $"/admin/documents/{id}";
        var doc = await app.WithDbAsync(db => db.Documents.SingleAsync(d => d.Id == id));
        Assert.Equal(new DateOnly(2026, 11, 16), doc.PublishDueOn);
        await reviewer.SubmitAsync(page, [new("opinion", "同意")], page + "?handler=Approve");
        await reviewer.SubmitAsync(page, [new("at", "")], page + "?handler=Publish");

        var edit = $"/admin/documents/edit/{id}";
        var noNote = await reviewer.SubmitAsync(edit, Form(organ, "区民政局权力清单", "<p>第二版清单。</p>", type: "List", formed: "2026-11-20").Append(new("then", "revise")));
        Assert.Contains("请说明修订内容", (await noNote.Content.ReadAsStringAsync()).Text());
        var revised = await reviewer.SubmitAsync(edit,
            Form(organ, "区民政局权力清单", "<p>第二版清单，新增一项。</p>", type: "List", formed: "2026-11-20").Append(new("ChangeNote", "新增低保审核确认事项")).Append(new("then", "revise")));
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);

        doc = await app.WithDbAsync(db => db.Documents.SingleAsync(d => d.Id == id));
        Assert.Equal(2, doc.Version);
        Assert.Equal(new DateOnly(2026, 12, 4), doc.PublishDueOn);
        Assert.Contains("第二版", doc.BodyText);
        Assert.NotNull(doc.IndexNumber);
        var old = await app.WithDbAsync(db => db.DocumentRevisions.SingleAsync(r => r.DocumentId == id));
        Assert.Equal(1, old.Version);
        Assert.Contains("第一版", old.BodyHtml);
        Assert.Contains("新增低保审核确认事项", (await reviewer.GetStringAsync(page)).Text());
        var search = await app.Browser().GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("新增一项"));
        Assert.Contains(id.ToString(), search);
        Assert.Contains("document.revise", await TrailAsync(id));

        var editorTries = await editor.SubmitAsync(edit, Form(organ, "区民政局权力清单", "<p>编辑擅改。</p>", type: "List").Append(new("ChangeNote", "x")).Append(new("then", "revise")));
        Assert.Contains("没有修订本单位信息的权限", (await editorTries.Content.ReadAsStringAsync()).Text());
    }

    [Fact]
    public async Task Validity_changes_keep_the_document_public()
    {
        var (editor, reviewer, organ) = await StaffAsync("5");
        var id = IdOf(await editor.SubmitAsync("/admin/documents/edit", Form(organ, "养老服务补贴办法", "<p>补贴办法。</p>", type: "NormativeDocument").Append(new("then", "submit"))));
        var page = $"/admin/documents/{id}";
        await reviewer.SubmitAsync(page, [new("opinion", "同意")], page + "?handler=Approve");
        await reviewer.SubmitAsync(page, [new("at", "")], page + "?handler=Publish");
        var noDate = await reviewer.SubmitAsync(page, [new("validity", "Repealed"), new("on", "")], page + "?handler=Validity");
        Assert.Contains("请填写废止日期", (await noDate.Content.ReadAsStringAsync()).Text());
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(page, [new("validity", "Repealed"), new("on", "2026-11-20"), new("note", "被新办法替代")], page + "?handler=Validity")).StatusCode);
        var doc = await app.WithDbAsync(db => db.Documents.SingleAsync(d => d.Id == id));
        Assert.Equal(Validity.Repealed, doc.Validity);
        Assert.Equal(DocumentStatus.Published, doc.Status);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync($"/api/v1/documents/{id}")).StatusCode);
    }

    [Fact]
    public async Task Scheduled_publication_happens_when_its_time_comes()
    {
        var (editor, reviewer, organ) = await StaffAsync("6");
        var id = IdOf(await editor.SubmitAsync("/admin/documents/edit", Form(organ, "定时发布的通知", "<p>定时。</p>").Append(new("then", "submit"))));
        var page = $"/admin/documents/{id}";
        await reviewer.SubmitAsync(page, [new("opinion", "同意")], page + "?handler=Approve");
        var later = TimeZoneInfo.ConvertTime(app.AppClock.GetUtcNow().AddHours(2), Gongkai.Platform.ChineseDates.TimeZone).ToString("yyyy-MM-ddTHH:mm");
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(page, [new("at", later)], page + "?handler=Publish")).StatusCode);
        var doc = await app.WithDbAsync(db => db.Documents.SingleAsync(d => d.Id == id));
        Assert.Equal(DocumentStatus.Reviewed, doc.Status);
        Assert.NotNull(doc.ScheduledFor);

        await app.WithDbAsync(async db =>
        {
            db.Entry(await db.Documents.SingleAsync(d => d.Id == id)).Property(d => d.ScheduledFor).CurrentValue = app.AppClock.GetUtcNow().AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        Assert.True(await app.Services.GetRequiredService<ScheduledPublisher>().RunOnceAsync(CancellationToken.None) >= 1);
        doc = await app.WithDbAsync(db => db.Documents.SingleAsync(d => d.Id == id));
        Assert.Equal(DocumentStatus.Published, doc.Status);
        Assert.Equal("定时发布", await app.WithDbAsync(db => db.AuditEvents.Where(e => e.TargetId == id.ToString() && e.Action == "document.publish").Select(e => e.ActorName).SingleAsync()));
    }

    [Fact]
    public async Task Another_organs_document_answers_404()
    {
        var (editor, _, organ) = await StaffAsync("7");
        var id = IdOf(await editor.SubmitAsync("/admin/documents/edit", Form(organ, "本单位草稿", "<p>正文</p>").Append(new("then", "save"))));
        var other = (await app.OrganAsync("区财政局")).Id;
        await app.StaffAsync("cz-wf-editor", "Editor-pass-2", (StaffRole.Editor, other));
        var outsider = app.Browser();
        await outsider.SignInOkAsync("cz-wf-editor", "Editor-pass-2");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/admin/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/admin/documents/edit/{id}")).StatusCode);
        Assert.DoesNotContain("本单位草稿", await outsider.GetStringAsync("/admin/documents"));
    }

    /// <summary>An editor sees the submitted document but may not pass its review: 403 with the reason on the page, nothing changed.</summary>
    [Fact]
    public async Task Reviewing_without_the_reviewer_role_answers_403_and_changes_nothing()
    {
        var (editor, _, organ) = await StaffAsync("8");
        var id = IdOf(await editor.SubmitAsync("/admin/documents/edit", Form(organ, "越权审核的草稿", "<p>正文</p>").Append(new("then", "submit"))));
        var page = $"/admin/documents/{id}";
        var trail = await TrailAsync(id);
        var refused = await editor.SubmitAsync(page, [new("opinion", "同意")], page + "?handler=Approve");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("您没有审核本单位信息的权限", (await refused.Content.ReadAsStringAsync()).Text());
        Assert.Equal(DocumentStatus.Submitted, await app.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));
        Assert.Equal(trail, await TrailAsync(id));
    }
}

public sealed class DocumentWorkflowTests_Sqlite(SqliteApp app) : DocumentWorkflowTests<SqliteApp>(app);

public sealed class DocumentWorkflowTests_Postgres(PostgresApp app) : DocumentWorkflowTests<PostgresApp>(app);
