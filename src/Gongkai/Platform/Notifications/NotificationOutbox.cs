using System.Text.RegularExpressions;
using Gongkai.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Gongkai.Platform.Notifications;

/// <summary>The messages modules send, by stored kind (never renamed: rows keep them) and the label administrators read.</summary>
public static class NotificationKinds
{
    public const string RequestReceipt = "requests.receipt";
    public const string RequestCorrection = "requests.correction";
    public const string RequestExtension = "requests.extension";
    public const string RequestFee = "requests.fee";
    public const string RequestReply = "requests.reply";
    public const string CommentReceipt = "consultations.comment-receipt";
    public const string CommentAnswer = "consultations.comment-answer";

    public static string Label(string kind) => kind switch
    {
        RequestReceipt => "申请登记回执",
        RequestCorrection => "补正通知",
        RequestExtension => "延长答复期限通知",
        RequestFee => "收费通知",
        RequestReply => "答复已送达",
        CommentReceipt => "意见收到回执",
        CommentAnswer => "意见答复",
        _ => kind,
    };
}

/// <summary>
/// Encrypts outbox addresses (a registered protected column, re-encrypted by <c>gongkai keys rotate --data</c>).
/// </summary>
public sealed class NotificationProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "Gongkai.Platform.Notifications.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Protect(string value) => protector.Protect(value);

    public string Unprotect(string value) => protector.Unprotect(value);
}

/// <summary>What makes an address one a channel can use, and how it is shown masked.</summary>
public static partial class NotificationAddress
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    /// <summary>The e-mail address, trimmed, or null when it is not one.</summary>
    public static string? Email(string? value)
    {
        var v = value?.Trim();
        return v is { Length: > 0 and <= 254 } && EmailPattern().IsMatch(v) ? v : null;
    }

    /// <summary>A mainland mobile number (11 digits; spaces, dashes and +86 dropped), or null: landlines get no SMS.</summary>
    public static string? Mobile(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var digits = new string(value.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }

        return MobilePattern().IsMatch(digits) ? digits : null;
    }

    /// <summary>a***@example.cn, 139****9000.</summary>
    public static string Mask(NotificationChannel channel, string address)
    {
        if (channel == NotificationChannel.Email)
        {
            var at = address.IndexOf('@');
            return at <= 0 ? "***" : address[..1] + "***" + address[at..];
        }

        return address.Length == 11 ? address[..3] + "****" + address[7..] : "***";
    }
}

/// <summary>
/// Puts messages into the outbox in the caller's unit of work (docs/ARCHITECTURE.md §Notifications): the caller's one
/// <c>SaveChanges</c> commits the state change, its audit event and its messages together. Addresses a channel cannot
/// use are skipped, so a module passes what the person gave.
/// </summary>
public sealed class NotificationOutbox(GongkaiDb db, NotificationProtector protector, IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <summary>A message to be written: e-mail subject and body, and the shorter SMS text.</summary>
    public sealed record Message(string Kind, string Subject, string Body, string Sms, string TargetType, string TargetId, Guid? OrganId);

    /// <summary>Queues <paramref name="message"/> by e-mail and by SMS to whichever addresses are usable; returns the rows added.</summary>
    public IReadOnlyList<Notification> Enqueue(Message message, string? email, string? phone)
    {
        var added = new List<Notification>();
        if (NotificationAddress.Email(email) is { } mail)
        {
            added.Add(Add(NotificationChannel.Email, mail, message, message.Subject, message.Body));
        }

        if (NotificationAddress.Mobile(phone) is { } mobile)
        {
            added.Add(Add(NotificationChannel.Sms, mobile, message, message.Subject, options.Value.Sms.Signature + message.Sms));
        }

        return added;
    }

    /// <summary>One free-text contact (意见征集's 联系方式): an e-mail address or a mobile number, whichever it is.</summary>
    public IReadOnlyList<Notification> EnqueueToContact(Message message, string? contact) =>
        NotificationAddress.Email(contact) is not null ? Enqueue(message, contact, null) : Enqueue(message, null, contact);

    /// <summary>Takes back rows added in a unit of work that will be retried (e.g. with another number).</summary>
    public void Withdraw(IEnumerable<Notification> rows)
    {
        foreach (var row in rows)
        {
            db.Entry(row).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }
    }

    private Notification Add(NotificationChannel channel, string address, Message message, string subject, string body)
    {
        var now = clock.GetUtcNow();
        var row = new Notification
        {
            Channel = channel,
            Kind = message.Kind,
            AddressProtected = protector.Protect(address),
            AddressMasked = NotificationAddress.Mask(channel, address),
            Subject = Cut(subject, 200),
            Body = Cut(body, 2000),
            TargetType = message.TargetType,
            TargetId = message.TargetId,
            OrganId = message.OrganId,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Set<Notification>().Add(row);
        return row;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
