using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Gongkai.Requests;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Requests;

/// <summary>
/// 公开的政府信息 on both databases: staff of the organ attach the files a reply releases on the case page (checked by
/// content, audited, another organ's staff find nothing), and once the reply is delivered — never before — the applicant
/// downloads them from the tracking page with the page's pass or the number and 查询码, audited per download; a pass
/// never opens another request's file. The public explanation of the due date never names the staff member who approved
/// the extension, nor the third party consulted (the staff page keeps both).
/// </summary>
public abstract partial class ReleasedFilesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    private readonly RequestTestKit kit = new(app);

    private static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj\n<< >>\nendobj\n"u8.ToArray(), .. new byte[200]];

    [GeneratedRegex("name=\"pass\" value=\"([^\"]+)\"")]
    private static partial Regex PassField();

    [GeneratedRegex("name=\"file\" value=\"([^\"]+)\"")]
    private static partial Regex FileField();

    /// <summary>A request of 区民政局 registered, assigned, with <paramref name="outcome"/> proposed and approved: ready to deliver.</summary>
    private async Task<(Guid Id, string Number, string Secret)> ReviewedAsync(RequestTestKit.Staff staff, string name, string outcome)
    {
        var (id, number, filed) = await kit.SubmitAsync(name);
        var handler = kit.Api(staff.Handler);
        var head = kit.Api(staff.Head);
        await RequestTestKit.OkAsync(await handler.PostAsync($"/api/v1/admin/requests/{id}/register", null));
        await RequestTestKit.OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/assign", new { userName = "mz-cbr" }));
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", outcome == "PartlyDisclosed"
            ? new { outcome, legalGround = "《政府信息公开条例》第十五条、第三十七条", withheldParts = "个人身份证号码", summary = "以电子邮件提供汇总表" }
            : (object)new { outcome, summary = "以电子邮件提供汇总表" }));
        await RequestTestKit.OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/review", new { approve = true, opinion = "同意" }));
        return (id, number, filed.GetProperty("secret").GetString()!);
    }

    private async Task DeliverAsync(RequestTestKit.Staff staff, Guid id) =>
        await RequestTestKit.OkAsync(await kit.Api(staff.Handler).PostAsJsonAsync($"/api/v1/admin/requests/{id}/delivery", new { method = "Email", on = app.Today.ToString("yyyy-MM-dd") }));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient staff, Guid id, string name, byte[] bytes)
    {
        var page = $"/admin/requests/{id}";
        var token = await staff.CsrfTokenAsync(page);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__csrf" }, { new ByteArrayContent(bytes), "ReleasedFile", name } };
        return await staff.PostAsync(page + "?handler=ReleasedFile", form);
    }

    private Task<List<RequestAttachment>> ReleasedAsync(Guid id) =>
        app.WithDbAsync(db => db.RequestAttachments.Where(a => a.RequestId == id && a.Kind == RequestFileKind.Released).OrderBy(a => a.CreatedAt).ToListAsync());

    private Task<int> EventsAsync(Guid id, string action) =>
        app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.TargetId == id.ToString() && e.Action == action));

    private static async Task<string> TrackAsync(HttpClient client, string number, string secret) =>
        (await (await client.SubmitAsync("/requests/track", [new("TrackingNumber", number), new("Secret", secret)])).Content.ReadAsStringAsync()).Text();

    [Fact]
    public async Task Released_files_are_attached_by_the_organ_and_downloaded_by_the_applicant_only_after_delivery()
    {
        var staff = await kit.StaffAsync();
        app.Clock.SetDay("2026-05-11");
        var (id, number, secret) = await ReviewedAsync(staff, "公开文件申请人", "PartlyDisclosed");
        var handler = app.Browser();
        await handler.SignInOkAsync("mz-cbr", "Handling-pass-1");
        var page = (await handler.GetStringAsync($"/admin/requests/{id}")).Text();
        Assert.Contains("id=\"released-files\"", page);
        Assert.Contains("尚未上传文件", page);

        // Checked by content: a disguised file and an empty one are refused, with the reason, and nothing is stored.
        var disguised = await UploadAsync(handler, id, "汇总表.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        Assert.NotEqual(HttpStatusCode.Redirect, disguised.StatusCode);
        Assert.Contains("与扩展名“.pdf”不符", (await disguised.Content.ReadAsStringAsync()).Text());
        Assert.Contains("是空文件", (await (await UploadAsync(handler, id, "空.txt", [])).Content.ReadAsStringAsync()).Text());
        Assert.Empty(await ReleasedAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(handler, id, "补贴发放汇总表.pdf", Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(handler, id, "误传.txt", "不应公开的草稿"u8.ToArray())).StatusCode);
        var files = await ReleasedAsync(id);
        Assert.Equal(["补贴发放汇总表.pdf", "误传.txt"], files.Select(f => f.FileName));
        Assert.Equal("application/pdf", files[0].ContentType);
        Assert.Equal(2, await EventsAsync(id, "request.release.file.add"));
        // Removed before delivery, audited.
        Assert.Equal(HttpStatusCode.Redirect, (await handler.SubmitAsync($"/admin/requests/{id}", [new("file", files[1].Id.ToString())],
            $"/admin/requests/{id}?handler=RemoveReleasedFile")).StatusCode);
        Assert.Equal(1, await EventsAsync(id, "request.release.file.remove"));
        files = await ReleasedAsync(id);
        Assert.Single(files);
        var kept = files[0];
        var staffCopy = await handler.GetAsync($"/admin/requests/{id}?handler=ReleasedFile&file={kept.Id}");
        Assert.Equal(HttpStatusCode.OK, staffCopy.StatusCode);
        Assert.Equal(Pdf, await staffCopy.Content.ReadAsByteArrayAsync());

        // Another organ's handler: the request, its files and its upload do not exist.
        var foreign = app.Browser();
        await app.StaffAsync("cz-rf-" + app.Today.DayNumber, "Handling-pass-1", (Gongkai.Platform.Staff.StaffRole.RequestHandler, (await app.OrganAsync("区财政局")).Id));
        await foreign.SignInOkAsync("cz-rf-" + app.Today.DayNumber, "Handling-pass-1");
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/admin/requests/{id}?handler=ReleasedFile&file={kept.Id}")).StatusCode);
        var token = await foreign.CsrfTokenAsync("/admin/requests");
        using (var form = new MultipartFormDataContent { { new StringContent(token), "__csrf" }, { new ByteArrayContent(Pdf), "ReleasedFile", "外单位.pdf" } })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsync($"/admin/requests/{id}?handler=ReleasedFile", form)).StatusCode);
        }

        Assert.Single(await ReleasedAsync(id));

        // Before delivery the applicant sees no file and cannot download one, even with the right number and 查询码.
        var applicant = app.Browser();
        Assert.DoesNotContain("id=\"released\"", await TrackAsync(applicant, number, secret));
        var early = await applicant.SubmitAsync("/requests/track", [new("TrackingNumber", number), new("Secret", secret), new("file", kept.Id.ToString())],
            "/requests/track?handler=Released");
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Equal(0, await EventsAsync(id, "request.release.file.applicant.download"));

        await DeliverAsync(staff, id);
        var tracked = await TrackAsync(applicant, number, secret);
        Assert.Contains("id=\"released\"", tracked);
        Assert.Contains("补贴发放汇总表.pdf", tracked);
        Assert.DoesNotContain("误传.txt", tracked);
        var pass = WebUtility.HtmlDecode(PassField().Match(tracked).Groups[1].Value);
        Assert.Equal(kept.Id.ToString(), FileField().Match(tracked).Groups[1].Value);
        var download = await applicant.SubmitAsync("/requests/track", [new("pass", pass), new("file", kept.Id.ToString())], "/requests/track?handler=Released");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("no-store", download.Headers.CacheControl?.ToString());
        Assert.Equal(1, await EventsAsync(id, "request.release.file.applicant.download"));
        var again = await applicant.SubmitAsync("/requests/track", [new("TrackingNumber", number), new("Secret", secret), new("file", kept.Id.ToString())],
            "/requests/track?handler=Released");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, await EventsAsync(id, "request.release.file.applicant.download"));
        var wrong = await applicant.SubmitAsync("/requests/track", [new("TrackingNumber", number), new("Secret", "AAAA-BBBB-CCCC"), new("file", kept.Id.ToString())],
            "/requests/track?handler=Released");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);

        // The English tracking page offers and serves the same file, audited the same way.
        var english = (await (await applicant.SubmitAsync("/en/requests/track", [new("TrackingNumber", number), new("Secret", secret)])).Content.ReadAsStringAsync()).Text();
        Assert.Contains("Information released to you", english);
        Assert.Contains("补贴发放汇总表.pdf", english);
        var englishPass = WebUtility.HtmlDecode(PassField().Match(english).Groups[1].Value);
        var englishDownload = await applicant.SubmitAsync("/en/requests/track", [new("pass", englishPass), new("file", kept.Id.ToString())], "/en/requests/track?handler=Released");
        Assert.Equal(HttpStatusCode.OK, englishDownload.StatusCode);
        Assert.Equal(Pdf, await englishDownload.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, await EventsAsync(id, "request.release.file.applicant.download"));

        // Delivered: the file stays as the record of what was released.
        var late = await handler.SubmitAsync($"/admin/requests/{id}", [new("file", kept.Id.ToString())], $"/admin/requests/{id}?handler=RemoveReleasedFile");
        Assert.Contains("答复已送达", (await late.Content.ReadAsStringAsync()).Text());
        Assert.Single(await ReleasedAsync(id));

        // Another request's file: this request's pass does not open it, its own number and 查询码 do.
        var (other, otherNumber, otherSecret) = await ReviewedAsync(staff, "另一申请人", "Disclosed");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(handler, other, "另一份.txt", "另一申请的公开信息"u8.ToArray())).StatusCode);
        await DeliverAsync(staff, other);
        var otherFile = (await ReleasedAsync(other)).Single();
        var crossed = await applicant.SubmitAsync("/requests/track", [new("pass", pass), new("file", otherFile.Id.ToString())], "/requests/track?handler=Released");
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        var crossedByNumber = await applicant.SubmitAsync("/requests/track", [new("TrackingNumber", number), new("Secret", secret), new("file", otherFile.Id.ToString())],
            "/requests/track?handler=Released");
        Assert.Equal(HttpStatusCode.NotFound, crossedByNumber.StatusCode);
        var own = await applicant.SubmitAsync("/requests/track", [new("TrackingNumber", otherNumber), new("Secret", otherSecret), new("file", otherFile.Id.ToString())],
            "/requests/track?handler=Released");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(3, await EventsAsync(id, "request.release.file.applicant.download"));
        Assert.Equal(1, await EventsAsync(other, "request.release.file.applicant.download"));

        // The pass expires after 30 minutes.
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await applicant.SubmitAsync("/requests/track", [new("pass", pass), new("file", kept.Id.ToString())], "/requests/track?handler=Released");
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal(3, await EventsAsync(id, "request.release.file.applicant.download"));
    }

    [Fact]
    public async Task A_reply_that_releases_nothing_takes_no_file_and_files_of_a_returned_proposal_are_never_offered()
    {
        var staff = await kit.StaffAsync();
        app.Clock.SetDay("2026-05-12");
        var (id, number, filed) = await kit.SubmitAsync("不掌握申请人");
        var secret = filed.GetProperty("secret").GetString()!;
        var handler = kit.Api(staff.Handler);
        var head = kit.Api(staff.Head);
        await RequestTestKit.OkAsync(await handler.PostAsync($"/api/v1/admin/requests/{id}/register", null));
        await RequestTestKit.OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/assign", new { userName = "mz-cbr" }));
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", new { outcome = "Disclosed", summary = "以电子邮件提供" }));
        var browser = app.Browser();
        await browser.SignInOkAsync("mz-cbr", "Handling-pass-1");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(browser, id, "拟公开.pdf", Pdf)).StatusCode);

        // The reviewer returns the proposal; the new one says the organ does not hold the information.
        await RequestTestKit.OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/review", new { approve = false, opinion = "经核实本机关不掌握" }));
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", new
        {
            outcome = "NotHeld",
            legalGround = "《政府信息公开条例》第三十六条第四项",
            summary = "经检索，本机关不掌握该信息",
        }));
        var refused = await UploadAsync(browser, id, "汇总表.pdf", Pdf);
        Assert.Contains("只有办理结果为予以公开或部分公开", (await refused.Content.ReadAsStringAsync()).Text());
        var left = Assert.Single(await ReleasedAsync(id));
        await RequestTestKit.OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/review", new { approve = true, opinion = "同意" }));
        await DeliverAsync(staff, id);

        // Delivered as 不掌握: the file left from the returned proposal is neither offered nor served.
        var applicant = app.Browser();
        Assert.DoesNotContain("id=\"released\"", await TrackAsync(applicant, number, secret));
        var download = await applicant.SubmitAsync("/requests/track", [new("TrackingNumber", number), new("Secret", secret), new("file", left.Id.ToString())],
            "/requests/track?handler=Released");
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal(0, await EventsAsync(id, "request.release.file.applicant.download"));
    }

    [Fact]
    public async Task The_public_explanation_never_names_the_approver_or_the_third_party_the_staff_page_does()
    {
        var staff = await kit.StaffAsync();
        app.Clock.SetDay("2026-06-01");
        var (id, number, filed) = await kit.SubmitAsync("隐私说明申请人");
        var secret = filed.GetProperty("secret").GetString()!;
        var handler = kit.Api(staff.Handler);
        var head = kit.Api(staff.Head);
        await RequestTestKit.OkAsync(await handler.PostAsync($"/api/v1/admin/requests/{id}/register", null));
        await RequestTestKit.OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/assign", new { userName = "mz-cbr" }));
        app.Clock.SetDay("2026-06-03");
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/consultations",
            new { thirdParty = true, on = "2026-06-03", party = "王小明" }));
        app.Clock.SetDay("2026-06-10");
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/consultations/answer", new { on = "2026-06-10", party = "王小明" }));
        app.Clock.SetDay("2026-06-22");
        var extended = await RequestTestKit.OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/extension", new { on = "2026-06-22", workingDays = 10 }));
        var approver = await app.WithDbAsync(db => db.RequestClockEvents.Where(e => e.RequestId == id && e.ApprovedBy != null).Select(e => e.ApprovedBy!).SingleAsync());
        Assert.False(string.IsNullOrWhiteSpace(approver));

        // Staff see who approved and whom they consulted.
        var browser = app.Browser();
        await browser.SignInOkAsync("mz-cbr", "Handling-pass-1");
        var staffPage = (await browser.GetStringAsync($"/admin/requests/{id}")).Text();
        Assert.Contains($"负责人{approver}同意", staffPage);
        Assert.Contains("王小明", staffPage);

        // The public: the same due date, explained without either name — on the page and in the status API.
        var tracked = await TrackAsync(app.Browser(), number, secret);
        Assert.Contains("经政府信息公开工作机构负责人同意，延长答复期限10个工作日", tracked);
        Assert.Contains("第三方甲", tracked);
        Assert.DoesNotContain(approver, tracked);
        Assert.DoesNotContain("王小明", tracked);
        Assert.Contains(Gongkai.Platform.ChineseDates.Long(DateOnly.Parse(extended.GetProperty("dueDate").GetString()!)), tracked);
        var status = await app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{number}") { Headers = { { "X-Request-Secret", secret } } });
        var json = await status.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(extended.GetProperty("dueDate").GetString(), System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("dueDate").GetString());
        Assert.DoesNotContain(approver, System.Text.RegularExpressions.Regex.Unescape(json));
        Assert.DoesNotContain("王小明", System.Text.RegularExpressions.Regex.Unescape(json));
    }
}

public sealed class ReleasedFilesTests_Sqlite(ClockedSqliteApp app) : ReleasedFilesTests<ClockedSqliteApp>(app);

public sealed class ReleasedFilesTests_Postgres(ClockedPostgresApp app) : ReleasedFilesTests<ClockedPostgresApp>(app);

/// <summary>Downloads from the tracking page are public POSTs: limited per address like every public form.</summary>
public sealed class ReleasedFileRateLimitTests(StrictSqliteApp app) : IClassFixture<StrictSqliteApp>
{
    [Fact]
    public async Task Downloading_released_files_is_rate_limited()
    {
        var client = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var token = await client.CsrfTokenAsync("/requests/track");
            statuses.Add((await client.PostAsync("/requests/track?handler=Released", new FormUrlEncodedContent(
                [new("__csrf", token), new("pass", "x"), new("file", Guid.NewGuid().ToString())]))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
