using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Notifications;
using Gongkai.Policy.Consultations;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Tests.Policy;

/// <summary>
/// Commenters in a consultation are told by e-mail (a real SMTP server) and SMS (a capturing gateway), over HTTP on both
/// databases: a comment left with an e-mail address or a mobile number gets a receipt with its 意见编号; when the organ
/// answers the comments and publishes the feedback (意见采纳情况), each commenter with a contact gets the answer; a comment
/// without a contact gets nothing; and no address ever reaches the logs — not even when the mail server refuses one.
/// </summary>
public abstract partial class CommenterNoticesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, INotifyingApp
{
    [GeneratedRegex("id=\"receipt-number\">([^<]+)<")]
    private static partial Regex ReceiptNumber();

    [GeneratedRegex("name=\"Input.SubmissionKey\" value=\"([0-9a-f]+)\"")]
    private static partial Regex SubmissionKey();

    private void At(string local) => app.Clock.Now = ConsultationInput.Instant(ConsultationKit.Local(local));

    private async Task<string> CommentAsync(HttpClient client, Guid id, string body, string contact)
    {
        var page = $"/consultations/{id}/comment";
        var html = await client.GetStringAsync(page);
        var response = await client.SubmitAsync(page,
        [
            new("Input.SubmissionKey", SubmissionKey().Match(html).Groups[1].Value),
            new("Input.Body", body),
            new("Input.Name", "李四"),
            new("Input.Contact", contact),
        ], page);
        var text = (await response.Content.ReadAsStringAsync()).Text();
        var m = ReceiptNumber().Match(text);
        Assert.True(m.Success, text.Length > 3000 ? text[..3000] : text);
        return m.Groups[1].Value;
    }

    private async Task DeliverAsync()
    {
        var run = await app.Services.GetRequiredService<JobRunner>().RunNowAsync("platform.notifications", null, CancellationToken.None);
        Assert.NotNull(run);
        Assert.Equal(JobOutcome.Ok, run.Outcome);
    }

    private List<MimeKit.MimeMessage> Mail(string address, string receipt) =>
        app.Smtp.To(address).Where(m => (m.Subject ?? "").Contains(receipt)).ToList();

    [Fact]
    public async Task Commenters_with_a_contact_get_a_receipt_and_the_answer_and_no_address_is_logged()
    {
        var logs = new CapturingLoggerProvider();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        At("2026-07-01 10:00");
        var c = await app.OpenAsync("关于社区养老驿站管理办法的意见征集", "2026-07-01 10:00", "2026-07-10 17:00");
        var client = app.Browser();
        var byMail = await CommentAsync(client, c.Id, "建议延长驿站开放时间。", "commenter@example.cn");
        var bySms = await CommentAsync(client, c.Id, "建议增加助餐服务。", "13800138000");
        var silent = await CommentAsync(client, c.Id, "建议公开驿站收费标准。", "");
        var refused = await CommentAsync(client, c.Id, "建议设置投诉电话。", "nobody@" + TestSmtpServer.RejectedDomain);

        // The receipts were written with the comments: one per contact, none without; addresses stored encrypted.
        var comments = await app.CommentsAsync(c.Id);
        var ids = comments.Select(x => x.Id.ToString()).ToList();
        var queued = await app.WithDbAsync(db => db.Set<Notification>().Where(n => ids.Contains(n.TargetId!)).ToListAsync());
        Assert.Equal(3, queued.Count);
        Assert.All(queued, n => Assert.Equal(NotificationKinds.CommentReceipt, n.Kind));
        Assert.DoesNotContain(queued, n => n.TargetId == comments.Single(x => x.ReceiptNumber == silent).Id.ToString());
        Assert.All(queued, n => Assert.DoesNotContain("commenter@example.cn", n.AddressProtected));
        Assert.Contains(queued, n => n.AddressMasked == "c***@example.cn");
        Assert.Contains(queued, n => n.AddressMasked == "138****8000");

        await DeliverAsync();
        var receipt = Assert.Single(Mail("commenter@example.cn", byMail));
        Assert.Contains("已收到", receipt.Subject);
        Assert.Contains(byMail, receipt.TextBody);
        Assert.Contains($"/consultations/{c.Id}", receipt.TextBody);
        Assert.DoesNotContain("李四", receipt.TextBody);
        var sms = Assert.Single(app.Sms.Sent, m => m.Body.Contains(bySms));
        Assert.Equal("13800138000", sms.Address);
        Assert.DoesNotContain(app.Smtp.Received, m => (m.Subject ?? "").Contains(silent));
        Assert.DoesNotContain(app.Sms.Sent, m => m.Body.Contains(silent));

        // The organ publishes the comments, answers each, and, after the period, publishes the feedback.
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var commentsPage = $"/admin/consultations/{c.Id}/comments";
        var publish = await admin.SubmitAsync(commentsPage, comments.Select(x => new KeyValuePair<string, string>("ids", x.Id.ToString())), commentsPage + "?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var answer = await admin.SubmitAsync(commentsPage,
            [.. comments.Select(x => new KeyValuePair<string, string>("ids", x.Id.ToString())), new("disposition", "PartlyAdopted"), new("reply", "将结合驿站运营情况统筹研究。")],
            commentsPage + "?handler=Answer");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        // Answering alone sends nothing yet: the answer goes out with the published feedback.
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<Notification>().CountAsync(n => ids.Contains(n.TargetId!))));

        At("2026-07-10 17:00");
        // Nine days later the administrator signs in again (the sign-in has expired on the clock).
        admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var feedback = await admin.SubmitAsync($"/admin/consultations/{c.Id}", [new("summary", "感谢各方参与，意见采纳情况如下。")], $"/admin/consultations/{c.Id}?handler=Feedback");
        Assert.Equal(HttpStatusCode.Redirect, feedback.StatusCode);
        var answers = await app.WithDbAsync(db => db.Set<Notification>().Where(n => ids.Contains(n.TargetId!) && n.Kind == NotificationKinds.CommentAnswer).ToListAsync());
        Assert.Equal(3, answers.Count);

        await DeliverAsync();
        var answered = Mail("commenter@example.cn", byMail).Where(m => (m.Subject ?? "").Contains("意见采纳情况")).ToList();
        var mail = Assert.Single(answered);
        Assert.Contains("部分采纳", mail.TextBody);
        Assert.Contains("将结合驿站运营情况统筹研究。", mail.TextBody);
        Assert.Contains($"/consultations/{c.Id}", mail.TextBody);
        Assert.Contains(app.Sms.Sent, m => m.Body.Contains(bySms) && m.Body.Contains("部分采纳"));
        Assert.DoesNotContain(app.Smtp.Received, m => (m.Subject ?? "").Contains(silent));
        var refusedId = comments.Single(x => x.ReceiptNumber == refused).Id.ToString();
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.TargetId == refusedId && n.Status == NotificationStatus.Pending)));

        // Nothing logged names an address — the refused one included, though its failure was logged.
        var lines = logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("attempt 1 failed", StringComparison.Ordinal));
        foreach (var secret in new[] { "commenter@example.cn", "commenter", "13800138000", "nobody@", TestSmtpServer.RejectedDomain })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Keeps every log line the application writes while the test runs.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}

public sealed class CommenterNoticesTests_Sqlite(NotifyingSqliteApp app) : CommenterNoticesTests<NotifyingSqliteApp>(app);

public sealed class CommenterNoticesTests_Postgres(NotifyingPostgresApp app) : CommenterNoticesTests<NotifyingPostgresApp>(app);
