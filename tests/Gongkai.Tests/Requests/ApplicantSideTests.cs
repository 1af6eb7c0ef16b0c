using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Notifications;
using Gongkai.Requests;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Gongkai.Tests.Requests;

/// <summary>
/// The applicant's side of a request on both databases: every step that concerns them reaches them by e-mail (a real SMTP
/// server) and SMS (a capturing gateway) from the outbox, the tracking page shows the real steps and the due date, and
/// once the reply is delivered the letter downloads as the PDF that was archived — only with the right number and 查询码,
/// audited each time.
/// </summary>
public abstract partial class ApplicantSideTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, INotifyingApp
{
    private readonly RequestTestKit kit = new(app);

    [GeneratedRegex("name=\"pass\" value=\"([^\"]+)\"")]
    private static partial Regex PassField();

    [GeneratedRegex("name=\"letter\" value=\"([^\"]+)\"")]
    private static partial Regex LetterField();

    private async Task<string?> DeliverAsync()
    {
        var run = await app.Services.GetRequiredService<JobRunner>().RunNowAsync("platform.notifications", null, CancellationToken.None);
        Assert.NotNull(run);
        Assert.Equal(JobOutcome.Ok, run.Outcome);
        return run.Message;
    }

    private async Task<MimeKit.MimeMessage> MailAsync(string number, string subjectPart)
    {
        await DeliverAsync();
        var mail = app.Smtp.To("a@example.cn").Where(m => (m.Subject ?? "").Contains(number) && (m.Subject ?? "").Contains(subjectPart)).ToList();
        Assert.True(mail.Count == 1, $"expected one e-mail “{subjectPart}” for {number}, got {mail.Count}: {string.Join(" | ", app.Smtp.Received.Select(m => m.Subject))}");
        return mail[0];
    }

    [Fact]
    public async Task Applicant_is_notified_at_each_step_tracks_the_stages_and_downloads_the_delivered_letter()
    {
        var staff = await kit.StaffAsync();
        app.Clock.SetDay("2026-03-02");
        var (id, number, filed) = await kit.SubmitAsync("通知旅程申请人");
        var secret = filed.GetProperty("secret").GetString()!;
        var handler = kit.Api(staff.Handler);
        var head = kit.Api(staff.Head);

        // 登记回执: written with the filing, sent by the job, by e-mail and SMS; never the 查询码.
        var queued = await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.TargetId == id.ToString()).ToListAsync());
        Assert.Equal(2, queued.Count);
        Assert.All(queued, n => Assert.Equal(NotificationStatus.Pending, n.Status));
        Assert.All(queued, n => Assert.DoesNotContain("a@example.cn", n.AddressProtected));
        Assert.All(queued, n => Assert.DoesNotContain("13900139000", n.AddressProtected));
        Assert.Contains(queued, n => n.AddressMasked == "a***@example.cn");
        Assert.Contains(queued, n => n.AddressMasked == "139****9000");
        var receipt = await MailAsync(number, "已收到");
        Assert.Equal("gongkai@example.gov.cn", receipt.From.Mailboxes.Single().Address);
        Assert.Contains(number, receipt.TextBody);
        Assert.Contains("/requests/track", receipt.TextBody);
        Assert.Contains("答复期限", receipt.TextBody);
        Assert.DoesNotContain(secret, receipt.TextBody);
        Assert.DoesNotContain(secret.Replace("-", ""), receipt.TextBody);
        Assert.DoesNotContain("通知旅程申请人", receipt.TextBody);
        var sms = app.Sms.Sent.Where(m => m.Body.Contains(number)).ToList();
        Assert.Single(sms);
        Assert.Equal("13900139000", sms[0].Address);
        Assert.StartsWith("【政务公开】", sms[0].Body);
        Assert.DoesNotContain(secret.Replace("-", ""), sms[0].Body);
        // Sent once: a second run finds nothing due.
        await DeliverAsync();
        Assert.Single(app.Smtp.To("a@example.cn"), m => (m.Subject ?? "").Contains(number));

        app.Clock.SetDay("2026-03-03");
        await RequestTestKit.OkAsync(await handler.PostAsync($"/api/v1/admin/requests/{id}/register", null));
        await RequestTestKit.OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/assign", new { userName = "mz-cbr" }));
        app.Clock.SetDay("2026-03-04");
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/correction-notice", new { on = "2026-03-04", until = "2026-03-18" }));
        var correction = await MailAsync(number, "补正");
        Assert.Contains("2026年3月18日前补正", correction.TextBody);
        app.Clock.SetDay("2026-03-06");
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/correction-received", new { on = "2026-03-06" }));

        app.Clock.SetDay("2026-03-20");
        var extended = await RequestTestKit.OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/extension", new { on = "2026-03-20", workingDays = 10 }));
        var extension = await MailAsync(number, "延长");
        Assert.Contains("延长10个工作日", extension.TextBody);
        var due = DateOnly.Parse(extended.GetProperty("dueDate").GetString()!);
        Assert.Contains(Gongkai.Platform.ChineseDates.Long(due), extension.TextBody);

        app.Clock.SetDay("2026-03-23");
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/fee-notice", new { on = "2026-03-23" }));
        var fee = await MailAsync(number, "收费通知");
        Assert.Contains("不计算在答复期限内", fee.TextBody);
        app.Clock.SetDay("2026-03-25");
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/fee-paid", new { on = "2026-03-25" }));

        // While it is open: the steps so far, the stage now, and no letter.
        var client = app.Browser();
        var open = (await (await client.SubmitAsync("/requests/track", [new("TrackingNumber", number), new("Secret", secret)])).Content.ReadAsStringAsync()).Text();
        foreach (var step in new[] { "收到申请", "登记", "发出补正通知", "补正期限至2026年3月18日", "收到补正", "延长答复期限", "发出收费通知", "信息处理费已缴纳", "当前：" })
        {
            Assert.Contains(step, open);
        }

        Assert.Contains("自收到申请之日起20个工作日内", open);
        Assert.DoesNotContain("id=\"letters\"", open);

        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", new
        {
            outcome = "PartlyDisclosed",
            legalGround = "《政府信息公开条例》第十五条、第三十七条",
            withheldParts = "补贴发放名单中的个人身份证号码和银行账号",
            summary = "以电子邮件提供补贴发放情况汇总表",
        }));
        await RequestTestKit.OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/review", new { approve = true, opinion = "同意" }));
        app.Clock.SetDay("2026-03-27");
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/delivery", new { method = "Email", on = "2026-03-27" }));
        var reply = await MailAsync(number, "已答复");
        Assert.Contains("下载答复书", reply.TextBody);
        Assert.Equal(5, app.Sms.Sent.Count(m => m.Body.Contains(number))); // receipt, 补正, extension, fee, reply

        // Delivered: the letter is offered with a pass, never the 查询码, in the page.
        var tracked = (await (await client.SubmitAsync("/requests/track", [new("TrackingNumber", number), new("Secret", secret)])).Content.ReadAsStringAsync()).Text();
        Assert.Contains("答复送达，办结", tracked);
        Assert.Contains("以电子邮件方式送达", tracked);
        Assert.Contains("id=\"letters\"", tracked);
        Assert.DoesNotContain(secret.Replace("-", ""), tracked);
        var pass = WebUtility.HtmlDecode(PassField().Match(tracked).Groups[1].Value);
        var letter = LetterField().Match(tracked).Groups[1].Value;
        Assert.NotEmpty(pass);
        var kept = await app.WithDbAsync(db => db.SentLetters.SingleAsync(l => l.RequestId == id));
        Assert.Equal(kept.Id.ToString(), letter);

        var downloads = () => app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.TargetId == id.ToString() && e.Action == "request.letter.applicant.download"));
        var download = await client.SubmitAsync("/requests/track", [new("pass", pass), new("letter", letter)], "/requests/track?handler=Letter");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(kept.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        using (var pdf = PdfDocument.Open(bytes))
        {
            var text = string.Concat(pdf.GetPages().Select(p => p.Text));
            Assert.Contains(number, text);
            Assert.Contains("政府信息公开申请答复告知书", text);
        }

        Assert.Equal(1, await downloads());
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.TargetId == id.ToString() && e.Action == "request.letter.applicant.download"));
        Assert.Contains("申请人凭受理编号和查询码下载", audit.Summary);

        // Re-posting the number and the 查询码 works too; a wrong 查询码, a forged pass or another letter finds nothing.
        var again = await client.SubmitAsync("/requests/track", [new("TrackingNumber", number), new("Secret", secret), new("letter", letter)], "/requests/track?handler=Letter");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, await downloads());
        var wrong = await client.SubmitAsync("/requests/track", [new("TrackingNumber", number), new("Secret", "AAAA-BBBB-CCCC"), new("letter", letter)], "/requests/track?handler=Letter");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.DoesNotContain("application/pdf", wrong.Content.Headers.ContentType?.MediaType ?? "");
        Assert.Contains("请重新查询后再下载", (await wrong.Content.ReadAsStringAsync()).Text());
        var forged = await client.SubmitAsync("/requests/track", [new("pass", pass[..^4] + "AAAA"), new("letter", letter)], "/requests/track?handler=Letter");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var otherLetter = await client.SubmitAsync("/requests/track", [new("pass", pass), new("letter", Guid.NewGuid().ToString())], "/requests/track?handler=Letter");
        Assert.Equal(HttpStatusCode.NotFound, otherLetter.StatusCode);
        // The pass expires after 30 minutes.
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await client.SubmitAsync("/requests/track", [new("pass", pass), new("letter", letter)], "/requests/track?handler=Letter");
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal(2, await downloads());

        // Administrators see the messages sent, addresses masked.
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var list = (await admin.GetStringAsync("/admin/notifications")).Text();
        Assert.Contains("a***@example.cn", list);
        Assert.Contains("139****9000", list);
        Assert.DoesNotContain("a@example.cn", list);
        Assert.DoesNotContain("13900139000", list);
        Assert.Contains("答复已送达", list);
    }

    [Fact]
    public async Task A_refused_message_is_retried_with_backoff_then_given_up_and_shown_to_administrators()
    {
        app.Clock.SetDay("2026-04-01");
        var organ = (await app.OrganAsync("区民政局")).Id;
        var filed = await app.CreateClient().PostAsJsonAsync("/api/v1/requests", new
        {
            organId = organ,
            applicantType = "NaturalPerson",
            applicantName = "退信申请人",
            idDocumentType = "ResidentIdCard",
            idNumber = "110102199003070026",
            phone = "010-66000000",
            informationWanted = "本区2025年社区养老服务设施名单",
            form = "Electronic",
            delivery = "Email",
            email = "nobody@" + TestSmtpServer.RejectedDomain,
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var number = (await filed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("trackingNumber").GetString()!;
        var id = (await app.WithDbAsync(db => db.DisclosureRequests.SingleAsync(r => r.TrackingNumber == number))).Id.ToString();
        // A landline gets no SMS: one message, by e-mail.
        var message = await app.WithDbAsync(db => db.Set<Notification>().SingleAsync(n => n.TargetId == id));
        Assert.Equal(NotificationChannel.Email, message.Channel);

        var refusedBefore = app.Smtp.Refused;
        Assert.Contains("稍后重试", await DeliverAsync());
        message = await app.WithDbAsync(db => db.Set<Notification>().SingleAsync(n => n.TargetId == id));
        Assert.Equal(NotificationStatus.Pending, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Contains("550", message.LastError);
        Assert.DoesNotContain("nobody", message.LastError);
        Assert.Equal(refusedBefore + 1, app.Smtp.Refused);
        // Not due again before its backoff.
        await DeliverAsync();
        Assert.Equal(refusedBefore + 1, app.Smtp.Refused);

        for (var attempt = 2; attempt <= 6; attempt++)
        {
            app.Clock.Advance(NotificationOptions.Backoff(attempt - 1) + TimeSpan.FromSeconds(1));
            await DeliverAsync();
        }

        message = await app.WithDbAsync(db => db.Set<Notification>().SingleAsync(n => n.TargetId == id));
        Assert.Equal(NotificationStatus.Failed, message.Status);
        Assert.Equal(6, message.Attempts);
        Assert.Equal(refusedBefore + 6, app.Smtp.Refused);

        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var failed = (await admin.GetStringAsync("/admin/notifications?status=Failed")).Text();
        Assert.Contains("n***@" + TestSmtpServer.RejectedDomain, failed);
        Assert.Contains("邮件服务器拒绝", failed);
        Assert.DoesNotContain("nobody@", failed);
    }
}

public sealed class ApplicantSideTests_Sqlite(NotifyingSqliteApp app) : ApplicantSideTests<NotifyingSqliteApp>(app);

public sealed class ApplicantSideTests_Postgres(NotifyingPostgresApp app) : ApplicantSideTests<NotifyingPostgresApp>(app);
