using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Notifications;

/// <summary>How a message reaches a person.</summary>
public enum NotificationChannel
{
    /// <summary>电子邮件</summary>
    Email = 1,
    /// <summary>短信</summary>
    Sms = 2,
}

/// <summary>Where a message stands in the outbox.</summary>
public enum NotificationStatus
{
    /// <summary>待发送 (also after a failed attempt that will be retried).</summary>
    Pending = 1,
    /// <summary>已发送</summary>
    Sent = 2,
    /// <summary>发送失败，不再重试 (<see cref="NotificationOptions.MaxAttempts"/> reached).</summary>
    Failed = 3,
}

/// <summary>
/// One message in the outbox (<c>notifications</c>), written in the same unit of work as the state change it tells about,
/// so a committed change always has its message and a rolled-back one never does; <see cref="DeliverNotifications"/>
/// sends it from the job runner. The address is personal data: encrypted (<see cref="AddressProtected"/>, a registered
/// protected column) and kept masked for the administrators' list; neither is ever logged. The text names the record
/// (受理编号, 意见编号) but never a secret or a person's data.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public NotificationChannel Channel { get; set; }
    /// <summary>What the message is about, module first (<c>requests.receipt</c>); see <see cref="NotificationKinds"/>.</summary>
    public required string Kind { get; set; }
    public required string AddressProtected { get; set; }
    /// <summary>The address as administrators see it: a***@example.cn, 139****9000.</summary>
    public required string AddressMasked { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>The record the message is about (DisclosureRequest, ConsultationComment) and its organ.</summary>
    public required string TargetType { get; set; }
    public required string TargetId { get; set; }
    public Guid? OrganId { get; set; }
    public NotificationStatus Status { get; set; } = NotificationStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the next attempt is due (pending messages only; backoff after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>The last failure, as the sender described it (never the address).</summary>
    public string? LastError { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.Property(n => n.Channel).HasConversion<string>().HasMaxLength(8);
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(8);
        b.Property(n => n.Kind).HasMaxLength(64);
        b.Property(n => n.AddressProtected).HasMaxLength(1000);
        b.Property(n => n.AddressMasked).HasMaxLength(120);
        b.Property(n => n.Subject).HasMaxLength(200);
        b.Property(n => n.Body).HasMaxLength(2000);
        b.Property(n => n.TargetType).HasMaxLength(64);
        b.Property(n => n.TargetId).HasMaxLength(64);
        b.Property(n => n.LastError).HasMaxLength(500);
        // The delivery job reads the pending messages that are due, oldest first.
        b.HasIndex(n => new { n.Status, n.NextAttemptAt });
        b.HasIndex(n => new { n.TargetType, n.TargetId });
    }
}
