using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Gongkai.Platform.Notifications;

/// <summary>One message for one address, as the delivery job hands it to a channel.</summary>
public sealed record OutgoingMessage(Guid Id, string Address, string Subject, string Body);

/// <summary>Sends e-mail. Throws when the message was not accepted; the job retries it with backoff.</summary>
public interface IEmailSender
{
    /// <summary>Name shown on the administrators' page (SMTP host, or 日志).</summary>
    string Description { get; }

    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>Sends a text message through an operator's gateway. Throws when it was not accepted.</summary>
public interface ISmsGateway
{
    string Description { get; }

    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>
/// E-mail through an SMTP server with MailKit (<c>Notifications:Email</c>: host, port, security, from, credentials). One
/// connection per message: the job sends few, and a broken connection never poisons the next.
/// </summary>
public sealed class SmtpEmailSender(IOptions<NotificationOptions> options) : IEmailSender
{
    private readonly EmailSettings settings = options.Value.Email;

    public string Description => $"SMTP {settings.Host}:{settings.Port}（{settings.Security}）";

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mail.To.Add(MailboxAddress.Parse(message.Address));
        mail.Subject = message.Subject;
        mail.MessageId = $"{message.Id:N}@{settings.From.Split('@').Last()}";
        mail.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Notifications:Email:Host is not set."), settings.Port, settings.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        }, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }

        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>
/// The demo's e-mail channel when no SMTP host is configured: logs that a message would have gone out, with the message's
/// id only (no address, no text: both may name a person).
/// </summary>
public sealed class LoggingEmailSender(ILogger<LoggingEmailSender> log) : IEmailSender
{
    public string Description => "未配置邮件服务器：只记录日志，不实际发送";

    public Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        log.LogInformation("E-mail notification {Id} not sent: no SMTP server configured (Notifications:Email:Host)", message.Id);
        return Task.CompletedTask;
    }
}

/// <summary>The shipped SMS gateway: logs the message's id (no number, no text). Operators plug in their own <see cref="ISmsGateway"/>.</summary>
public sealed class LoggingSmsGateway(ILogger<LoggingSmsGateway> log) : ISmsGateway
{
    public string Description => "短信网关未接入：只记录日志，不实际发送";

    public Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        log.LogInformation("SMS notification {Id} handed to the logging gateway (no operator gateway configured)", message.Id);
        return Task.CompletedTask;
    }
}
