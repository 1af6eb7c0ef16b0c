using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Documents;
using Gongkai.Platform.Staff;
using Gongkai.Requests;
using Gongkai.Requests.Clock;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Gongkai.Tests.Requests;

/// <summary>Letters, fees and appeals on both databases: template editing, PDF and DOCX opened and read, fee notice and payment, 纠正 reopening.</summary>
public abstract class LettersFeesAppealsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private async Task<DisclosureRequest> FileAsync(string name)
    {
        var organ = (await app.OrganAsync("区民政局")).Id;
        var created = await app.CreateClient().PostAsJsonAsync("/api/v1/requests", new
        {
            organId = organ,
            applicantType = "NaturalPerson",
            applicantName = name,
            idDocumentType = "ResidentIdCard",
            idNumber = "110102199003070026",
            phone = "13900139000",
            email = "a@example.cn",
            informationWanted = "2025年本区养老服务驿站运营补贴发放情况",
            form = "Electronic",
            delivery = "Email",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString();
        return await app.WithDbAsync(db => db.DisclosureRequests.SingleAsync(r => r.TrackingNumber == number));
    }

    private async Task<HttpClient> HandlerAsync(string user)
    {
        var organ = (await app.OrganAsync("区民政局")).Id;
        await app.StaffAsync(user, "Handler-pass-01", (StaffRole.RequestHandler, organ));
        var client = app.Browser();
        await client.SignInOkAsync(user, "Handler-pass-01");
        return client;
    }

    private static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Concat(pdf.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task The_office_edits_a_template_as_a_new_version_and_the_downloaded_pdf_and_docx_use_it()
    {
        await app.StaffAsync("office1", "Office-pass-01", (StaffRole.OpennessOffice, null));
        var office = app.Browser();
        await office.SignInOkAsync("office1", "Office-pass-01");
        var list = (await office.GetStringAsync("/admin/requests/templates")).Text();
        Assert.Contains("答复告知书：无法提供（本机关不掌握相关政府信息）", list);
        Assert.Contains("征求第三方意见书", list);

        const string url = "/admin/requests/templates/reply-NotHeld";
        var page = (await office.GetStringAsync(url)).Text();
        Assert.Contains("默认模板", page);
        var body = "<{申请人}：\n经检索，本机关未制作、未获取您所申请的信息（受理编号{受理编号}）。依据：{法律依据}。{说明}\n{救济途径}\n>{机关}\n>{告知日期}";

        var refused = (await (await office.SubmitAsync(url, [new("Input.Title", "答复告知书"), new("Input.Body", body + "{申请人电话}"), new("Input.BaseVersion", "0")])).Content.ReadAsStringAsync()).Text();
        Assert.Contains("无法识别的占位符：{申请人电话}", refused);
        var noRights = (await (await office.SubmitAsync(url, [new("Input.Title", "答复告知书"), new("Input.Body", body.Replace("{救济途径}", "")), new("Input.BaseVersion", "0")])).Content.ReadAsStringAsync()).Text();
        Assert.Contains("必须包含占位符{救济途径}", noRights);
        Assert.Equal(0, await app.WithDbAsync(db => db.LetterTemplates.CountAsync()));

        var saved = await office.SubmitAsync(url, [new("Input.Title", "政府信息公开申请答复告知书"), new("Input.Body", body), new("Input.Note", "按区政府法制办意见修改"), new("Input.BaseVersion", "0")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("第1版", (await office.GetStringAsync(url)).Text());
        var stale = (await (await office.SubmitAsync(url, [new("Input.Title", "答复告知书"), new("Input.Body", body + "\n特此告知。"), new("Input.BaseVersion", "0")])).Content.ReadAsStringAsync()).Text();
        Assert.Contains("模板已被他人修改为第1版", stale);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "letter.template.save" && e.TargetId == "reply-NotHeld")));

        var request = await FileAsync("文书申请人");
        var handler = await HandlerAsync("letters-handler");
        var editPage = (await handler.GetStringAsync(url)).Text();
        Assert.DoesNotContain("保存为新版本", editPage);
        var forbidden = await handler.SubmitAsync($"/admin/requests/{request.Id}/letter", [new("Input.Title", "x"), new("Input.Body", body)], url);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var letterUrl = $"/admin/requests/{request.Id}/letter";
        IEnumerable<KeyValuePair<string, string>> Fields(string format) =>
        [
            new("Input.Kind", "Reply"), new("Input.Outcome", "NotHeld"), new("Input.Details", "该信息由区财政局负责公开，联系电话010-88888888。"), new("format", format),
        ];
        var preview = (await (await handler.SubmitAsync(letterUrl, Fields("preview"))).Content.ReadAsStringAsync()).Text();
        Assert.Contains("id=\"letter-preview\"", preview);
        Assert.Contains("第1版", preview);

        var pdf = await handler.SubmitAsync(letterUrl, Fields("pdf"));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var text = PdfText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("政府信息公开申请答复告知书", text);
        Assert.Contains("文书申请人：", text);
        Assert.Contains("经检索，本机关未制作、未获取您所申请的信息（受理编号" + request.TrackingNumber + "）", text);
        Assert.Contains("第三十六条第（四）项", text);
        Assert.Contains("该信息由区财政局负责公开", text);
        Assert.Contains("六十日内向北京市西城区人民政府申请行政复议", text);
        Assert.Contains("六个月内向北京市西城区人民法院提起行政诉讼", text);
        Assert.Contains("北京市西城区民政局", text);
        Assert.Contains(ChineseDates.Long(app.Today), text);

        var docx = await handler.SubmitAsync(letterUrl, Fields("docx"));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var paragraphs = DocxWriter.ReadParagraphs(await docx.Content.ReadAsStreamAsync());
        Assert.Equal("政府信息公开申请答复告知书", paragraphs[0]);
        Assert.Equal("受理编号：" + request.TrackingNumber, paragraphs[1]);
        Assert.Contains(paragraphs, p => p.Contains("六十日内向北京市西城区人民政府申请行政复议", StringComparison.Ordinal));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "request.letter.download" && e.TargetId == request.Id.ToString())));

        var partly = (await (await handler.SubmitAsync(letterUrl, [new("Input.Kind", "Reply"), new("Input.Outcome", "PartlyDisclosed"), new("format", "pdf")])).Content.ReadAsStringAsync()).Text();
        Assert.Contains("部分公开须写明不予公开的内容及其理由", partly);
    }

    /// <summary>
    /// Clock events refuse a day that no loaded State Council schedule covers. On 1 January of a year the shipped schedules
    /// do not reach (the suite also runs at 2027-01-01 00:01), the district would have loaded the year's schedule in
    /// November: the test does what the administrator would, with the statutory holidays as the year's schedule.
    /// </summary>
    private async Task ScheduleCoversTodayAsync()
    {
        using var scope = app.Services.CreateScope();
        var today = app.Today;
        if ((await scope.ServiceProvider.GetRequiredService<CalendarStore>().GetAsync()).Covers(today))
        {
            return;
        }

        var days = StatutoryHolidays.For(today.Year).Select(d => new ScheduleDay(d.Date, d.Name, d.IsOffDay)).ToList();
        await scope.ServiceProvider.GetRequiredService<LoadYearSchedule>().HandleAsync(new YearSchedule(today.Year, "测试：按法定节假日载入", days));
    }

    [Fact]
    public async Task A_fee_notice_pauses_the_clock_prints_the_amount_and_the_payment_resumes_it()
    {
        await ScheduleCoversTodayAsync();
        var request = await FileAsync("收费申请人");
        var handler = await HandlerAsync("fee-handler");
        var feeUrl = $"/admin/requests/{request.Id}/fee";
        var quote = (await (await handler.SubmitAsync(feeUrl, [new("Input.Method", "PerPage"), new("Input.Pages", "150")], feeUrl + "?handler=Quote")).Content.ReadAsStringAsync()).Text();
        Assert.Contains("按量计收：1700 元", quote);

        var missing = (await (await handler.SubmitAsync(feeUrl, [new("Input.Method", "PerPage"), new("Input.Pages", "150")], feeUrl + "?handler=Issue")).Content.ReadAsStringAsync()).Text();
        Assert.Contains("请填写缴费方式", missing);
        Assert.Equal(0, await app.WithDbAsync(db => db.FeeAssessments.CountAsync(f => f.RequestId == request.Id)));

        var issued = await handler.SubmitAsync(feeUrl, [new("Input.Method", "PerPage"), new("Input.Pages", "150"), new("Input.PaymentInstructions", "到区政务服务中心收费窗口缴纳")], feeUrl + "?handler=Issue");
        Assert.True(issued.StatusCode == HttpStatusCode.Redirect, (await issued.Content.ReadAsStringAsync()).Text());
        var stored = await app.WithDbAsync(db => db.DisclosureRequests.Include(r => r.Events).SingleAsync(r => r.Id == request.Id));
        Assert.Equal(RequestStage.AwaitingFee, stored.Stage);
        Assert.Contains(stored.Events, e => e.Kind == ClockEventKind.FeeNoticeIssued);
        var fee = await app.WithDbAsync(db => db.FeeAssessments.SingleAsync(f => f.RequestId == request.Id));
        Assert.Equal(1700, fee.Amount);
        var calendar = await app.WithDbAsync(async db => await app.Services.CreateScope().ServiceProvider.GetRequiredService<CalendarStore>().GetAsync());
        Assert.Equal(calendar.TryAddWorkingDays(fee.NoticeOn, 20), fee.PayBy);

        var again = (await (await handler.SubmitAsync(feeUrl + "?x=1", [new("Input.Method", "PerPage"), new("Input.Pages", "40"), new("Input.PaymentInstructions", "窗口")], feeUrl + "?handler=Issue")).Content.ReadAsStringAsync()).Text();
        Assert.DoesNotContain("已记录收费通知", again);

        var letter = await handler.SubmitAsync($"/admin/requests/{request.Id}/letter", [new("Input.Kind", "FeeNotice"), new("format", "pdf")]);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        var text = PdfText(await letter.Content.ReadAsByteArrayAsync());
        Assert.Contains("信息处理费收费通知书", text);
        Assert.Contains("人民币1700元", text);
        Assert.Contains("按量计收", text);
        Assert.Contains("第31—100页：70页×10元=700元", text);
        Assert.Contains("第101—150页：50页×20元=1000元", text);
        Assert.Contains(calendar.PeriodText(fee.NoticeOn, 20), text);
        Assert.Contains("到区政务服务中心收费窗口缴纳", text);

        var paid = await handler.SubmitAsync(feeUrl, [new("Payment.Reference", "PJ-2026-001")], feeUrl + "?handler=Paid");
        Assert.True(paid.StatusCode == HttpStatusCode.Redirect, (await paid.Content.ReadAsStringAsync()).Text());
        stored = await app.WithDbAsync(db => db.DisclosureRequests.Include(r => r.Events).SingleAsync(r => r.Id == request.Id));
        Assert.Equal(RequestStage.InHandling, stored.Stage);
        Assert.Contains(stored.Events, e => e.Kind == ClockEventKind.FeePaid);
        Assert.Contains("已缴纳 PJ-2026-001", (await handler.GetStringAsync(feeUrl)).Text());
    }

    [Fact]
    public async Task A_corrected_reconsideration_posted_to_the_api_reopens_a_closed_request_and_another_organ_gets_404()
    {
        var request = await FileAsync("复议申请人");
        var handler = await HandlerAsync("appeal-handler");
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "appeal-handler"));
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(user.Id));
        var today = app.Today;

        // Closed the way a reply goes out: registered, assigned, proposed, reviewed by the office head, delivered.
        var organ = (await app.OrganAsync("区民政局")).Id;
        var headId = (await app.StaffAsync("appeal-head", "Handler-pass-01", (StaffRole.DepartmentAdministrator, organ))).Id;
        var head = app.CreateClient();
        head.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(headId));
        var steps = new (HttpClient Client, string Step, object? Body)[]
        {
            (api, "register", null),
            (head, "assign", new { userName = "appeal-handler" }),
            (api, "reply", new { outcome = "NotHeld", legalGround = "《政府信息公开条例》第三十六条第四项" }),
            (head, "review", new { approve = true, opinion = "同意" }),
            (api, "delivery", new { method = "Email", on = ChineseDates.Iso(today) }),
        };
        foreach (var (client, step, body) in steps)
        {
            var url = $"/api/v1/admin/requests/{request.Id}/{step}";
            var done = body is null ? await client.PostAsync(url, null) : await client.PostAsJsonAsync(url, body);
            Assert.True(done.IsSuccessStatusCode, $"{step}: {await done.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(RequestStage.Closed, (await app.WithDbAsync(db => db.DisclosureRequests.SingleAsync(r => r.Id == request.Id))).Stage);

        // 发文存档: the reply letter as sent, from the reviewed reply, dated the day it was approved.
        var closedCase = await RequestTestKit.OkAsync(await api.GetAsync($"/api/v1/admin/requests/{request.Id}"));
        var kept = Assert.Single(closedCase.GetProperty("sentLetters").EnumerateArray());
        Assert.Equal("NotHeld", kept.GetProperty("outcome").GetString());
        Assert.Equal(ChineseDates.Iso(today), kept.GetProperty("letterDate").GetString());
        Assert.Equal("Email", kept.GetProperty("deliveredBy").GetString());
        var keptUrl = kept.GetProperty("url").GetString()!;
        var keptBytes = await api.GetByteArrayAsync(keptUrl);
        Assert.Equal(kept.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(keptBytes)));
        var keptText = PdfText(keptBytes);
        Assert.Contains("复议申请人：", keptText);
        Assert.Contains(request.TrackingNumber, keptText);
        Assert.Contains("《政府信息公开条例》第三十六条第四项", keptText);
        Assert.Contains(ChineseDates.Long(today), keptText);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "request.letter.sent.view" && e.TargetId == request.Id.ToString())));
        Assert.Contains("存档", (await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "request.deliver" && e.TargetId == request.Id.ToString()))).Summary);
        var casePage = await handler.GetStringAsync($"/admin/requests/{request.Id}");
        Assert.Contains("发文存档", casePage.Text());
        var pageLink = $"/admin/requests/{request.Id}?handler=SentLetter&letter={kept.GetProperty("id").GetString()}";
        Assert.Contains(pageLink.Replace("&", "&amp;"), casePage);
        Assert.Equal(keptBytes, await handler.GetByteArrayAsync(pageLink));
        // The letter page starts from the recorded reply (its ground, not the default one).
        Assert.Contains("《政府信息公开条例》第三十六条第四项", (await handler.GetStringAsync($"/admin/requests/{request.Id}/letter")).Text());

        var bad = await api.PostAsJsonAsync($"/api/v1/admin/requests/{request.Id}/appeals", new { kind = "Reconsideration", filedOn = ChineseDates.Iso(today), result = "Corrected" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("请填写审结日期", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.AppealCases.CountAsync(a => a.RequestId == request.Id)));

        var created = await api.PostAsJsonAsync($"/api/v1/admin/requests/{request.Id}/appeals", new
        {
            kind = "Reconsideration",
            caseNumber = "京西政复〔2026〕12号",
            filedOn = ChineseDates.Iso(today),
            result = "Corrected",
            decidedOn = ChineseDates.Iso(today),
            summary = "责令重新答复",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("办理中", json.GetProperty("stage").GetString());
        var appeal = json.GetProperty("appeals")[0];
        Assert.Equal("Corrected", appeal.GetProperty("result").GetString());
        Assert.Equal("北京市西城区人民政府", appeal.GetProperty("body").GetString());
        Assert.Equal(ChineseDates.Iso(today), appeal.GetProperty("reopenedOn").GetString());

        var stored = await app.WithDbAsync(db => db.DisclosureRequests.Include(r => r.Events).SingleAsync(r => r.Id == request.Id));
        Assert.Equal(RequestStage.InHandling, stored.Stage);
        Assert.Null(stored.Outcome);
        var reopened = Assert.Single(stored.Events, e => e.Kind == ClockEventKind.Reopened);
        Assert.Equal(RequestOutcome.NotHeld, reopened.Outcome);
        var calendar = await app.Services.CreateScope().ServiceProvider.GetRequiredService<CalendarStore>().GetAsync();
        // Twenty working days from the decision; in December possibly past the loaded calendar, then provisional and pending.
        Assert.Equal(calendar.WithProvisionalYears().AddWorkingDays(today, 20), stored.DueOn);
        Assert.Equal(stored.DueOn > calendar.LastDate, stored.DuePending);
        Assert.Equal(stored.DueOn is { } due ? ChineseDates.Iso(due) : null, json.GetProperty("dueDate").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "request.reopen" && e.TargetId == request.Id.ToString())));
        var page = (await handler.GetStringAsync($"/admin/requests/{request.Id}/appeals")).Text();
        Assert.Contains("京西政复〔2026〕12号", page);
        Assert.Contains("（已重新办理）", page);

        // The new reply goes out the same way, now with another outcome.
        foreach (var (client, step, body) in new (HttpClient, string, object)[]
        {
            (api, "reply", new { outcome = "Disclosed", summary = "重新答复，予以公开" }),
            (head, "review", new { approve = true, opinion = "同意" }),
            (api, "delivery", new { method = "Email", on = ChineseDates.Iso(today) }),
        })
        {
            var done = await client.PostAsJsonAsync($"/api/v1/admin/requests/{request.Id}/{step}", body);
            Assert.True(done.IsSuccessStatusCode, $"{step}: {await done.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(RequestOutcome.Disclosed, (await app.WithDbAsync(db => db.DisclosureRequests.SingleAsync(r => r.Id == request.Id))).Outcome);
        // Both replies are kept; the first one byte for byte as it went out.
        var letters = (await RequestTestKit.OkAsync(await api.GetAsync($"/api/v1/admin/requests/{request.Id}"))).GetProperty("sentLetters").EnumerateArray().ToList();
        Assert.Equal(["Disclosed", "NotHeld"], letters.Select(l => l.GetProperty("outcome").GetString()));
        Assert.Contains("予以公开", PdfText(await api.GetByteArrayAsync(letters[0].GetProperty("url").GetString())));
        Assert.Equal(keptBytes, await api.GetByteArrayAsync(keptUrl));

        var other = (await app.OrganAsync("区财政局")).Id;
        var foreignUser = await app.StaffAsync("cz-appeals", "Handler-pass-02", (StaffRole.RequestHandler, other));
        var foreign = app.CreateClient();
        foreign.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(foreignUser.Id));
        var hidden = await foreign.PostAsJsonAsync($"/api/v1/admin/requests/{request.Id}/appeals", new { kind = "LitigationDirect", filedOn = ChineseDates.Iso(today) });
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(keptUrl)).StatusCode);
        Assert.Equal("application/problem+json", hidden.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync($"/api/v1/admin/requests/{request.Id}/appeals", new { kind = "LitigationDirect" })).StatusCode);

        var openApi = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/admin/requests/{id}/appeals", openApi);
    }
}

public sealed class LettersFeesAppealsTests_Sqlite(SqliteApp app) : LettersFeesAppealsTests<SqliteApp>(app);

public sealed class LettersFeesAppealsTests_Postgres(PostgresApp app) : LettersFeesAppealsTests<PostgresApp>(app);
