namespace Gongkai.Platform.Notifications;

/// <summary>The <c>Notifications</c> settings: how often the outbox is delivered, retries, and the two channels.</summary>
public sealed class NotificationOptions
{
    /// <summary>How often the delivery job looks at the outbox during the day (at least the runner's tick).</summary>
    public int DeliverEverySeconds { get; set; } = 30;

    /// <summary>Attempts before a message is given up as failed (shown on /admin/notifications).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Messages sent per run at most (the rest wait for the next run).</summary>
    public int BatchSize { get; set; } = 100;

    public EmailSettings Email { get; set; } = new();

    public SmsSettings Sms { get; set; } = new();

    /// <summary>Wait after the n-th failed attempt: 1 min, 5 min, 30 min, 2 h, 12 h.</summary>
    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        4 => TimeSpan.FromHours(2),
        _ => TimeSpan.FromHours(12),
    };
}

/// <summary>How the SMTP connection is secured (MailKit's SecureSocketOptions, by name).</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS if the server offers it.</summary>
    Auto,
    /// <summary>No TLS (a relay on the same host or a test server only).</summary>
    None,
    /// <summary>STARTTLS, required.</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary><c>Notifications:Email</c>: off unless a host is configured; then MailKit over SMTP.</summary>
public sealed class EmailSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string From { get; set; } = "noreply@gongkai.example.gov.cn";
    public string FromName { get; set; } = "政府信息公开";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary><c>Notifications:Sms</c>: the gateway in use; the shipped one logs that a message would be sent (no number, no text).</summary>
public sealed class SmsSettings
{
    /// <summary>"Logging" (default). A real gateway registers its own <see cref="ISmsGateway"/>.</summary>
    public string Gateway { get; set; } = "Logging";

    /// <summary>The signature operators require at the start of a text (【西城区政务公开】).</summary>
    public string Signature { get; set; } = "【政务公开】";
}
