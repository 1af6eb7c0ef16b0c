using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Notifications;

/// <summary>A row of the administrators' list: the masked address only.</summary>
public sealed record NotificationRow(Guid Id, NotificationChannel Channel, string Kind, string AddressMasked, string Subject, string TargetType, string TargetId,
    NotificationStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

/// <summary>/admin/notifications: the newest messages, filtered by status, and the count per status.</summary>
public sealed class NotificationList(GongkaiDb db, IEmailSender email, ISmsGateway sms)
{
    public const int PageSize = 50;

    public string EmailChannel => email.Description;

    public string SmsChannel => sms.Description;

    public async Task<(IReadOnlyList<NotificationRow> Rows, IReadOnlyDictionary<NotificationStatus, int> Counts)> ListAsync(NotificationStatus? status, CancellationToken ct)
    {
        var query = db.Set<Notification>().AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(n => n.Status == s);
        }

        var rows = await query.OrderByDescending(n => n.Id).Take(PageSize)
            .Select(n => new NotificationRow(n.Id, n.Channel, n.Kind, n.AddressMasked, n.Subject, n.TargetType, n.TargetId, n.Status, n.Attempts, n.CreatedAt,
                n.NextAttemptAt, n.SentAt, n.LastError))
            .ToListAsync(ct);
        var counts = await db.Set<Notification>().GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return (rows, counts);
    }
}
