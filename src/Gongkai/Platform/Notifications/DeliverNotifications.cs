using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Platform.Notifications;

/// <summary>
/// Sends the outbox (<c>platform.notifications</c>): every <see cref="NotificationOptions.DeliverEverySeconds"/> the job
/// runner takes the pending messages that are due, oldest first, and hands each to its channel. A message accepted is
/// marked sent at once (saved per message, so a stop loses at most the one in flight, which may then go out twice: at least
/// once, never silently dropped); a refusal or fault is counted and retried after a growing wait
/// (<see cref="NotificationOptions.Backoff"/>) until <see cref="NotificationOptions.MaxAttempts"/>, then marked failed for
/// the administrators (/admin/notifications). The runner's guard (an advisory lock on PostgreSQL) lets one instance at a
/// time run it, so two instances never send the same message. Logs name messages by id only.
/// </summary>
public sealed class DeliverNotifications(GongkaiDb db, NotificationProtector protector, IEmailSender email, ISmsGateway sms,
    IOptions<NotificationOptions> options, TimeProvider clock, ILogger<DeliverNotifications> log) : IDailyJob
{
    private readonly NotificationOptions settings = options.Value;

    public string Name => "platform.notifications";

    public string Label => "发送通知（邮件、短信）";

    public TimeSpan? RepeatEvery => TimeSpan.FromSeconds(Math.Max(1, settings.DeliverEverySeconds));

    public async Task<string?> RunAsync(DateOnly districtDay, CancellationToken ct)
    {
        var (sent, retrying, failed) = await DeliverDueAsync(ct);
        if (sent + retrying + failed == 0)
        {
            return null;
        }

        return $"发送{sent}条" + (retrying > 0 ? $"，{retrying}条稍后重试" : "") + (failed > 0 ? $"，{failed}条多次失败不再重试" : "");
    }

    /// <summary>Sends every due pending message (at most a batch); returns how many went, will be retried, were given up.</summary>
    public async Task<(int Sent, int Retrying, int Failed)> DeliverDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<Notification>()
            .Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now)
            .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id)
            .Take(Math.Max(1, settings.BatchSize))
            .ToListAsync(ct);
        int sent = 0, retrying = 0, failed = 0;
        foreach (var message in due)
        {
            message.Attempts++;
            try
            {
                var outgoing = new OutgoingMessage(message.Id, protector.Unprotect(message.AddressProtected), message.Subject, message.Body);
                await (message.Channel == NotificationChannel.Email ? email.SendAsync(outgoing, ct) : sms.SendAsync(outgoing, ct));
                message.Status = NotificationStatus.Sent;
                message.SentAt = clock.GetUtcNow();
                message.LastError = null;
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The exception's message may quote the address (an SMTP server's "550 <a@b.cn>: no such user"): only its type is logged.
                log.LogWarning("Notification {Id} ({Channel}) attempt {Attempt} failed: {Fault}", message.Id, message.Channel, message.Attempts, e.GetType().Name);
                message.LastError = Describe(e);
                if (message.Attempts >= settings.MaxAttempts)
                {
                    message.Status = NotificationStatus.Failed;
                    failed++;
                }
                else
                {
                    message.NextAttemptAt = clock.GetUtcNow() + NotificationOptions.Backoff(message.Attempts);
                    retrying++;
                }
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        return (sent, retrying, failed);
    }

    /// <summary>What administrators read: the kind of fault and, for SMTP, the server's status code, never its text.</summary>
    private static string Describe(Exception e) => e switch
    {
        MailKit.Net.Smtp.SmtpCommandException smtp => $"邮件服务器拒绝（{(int)smtp.StatusCode} {smtp.ErrorCode}）",
        MailKit.Net.Smtp.SmtpProtocolException => "邮件服务器协议错误",
        MailKit.Security.AuthenticationException => "邮件服务器登录失败",
        System.Net.Sockets.SocketException s => $"无法连接服务器（{s.SocketErrorCode}）",
        TimeoutException => "连接超时",
        IOException => "连接中断",
        _ => e.GetType().Name,
    };
}
