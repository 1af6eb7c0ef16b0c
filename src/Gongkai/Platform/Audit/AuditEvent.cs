using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Audit;

/// <summary>
/// An append-only record of one state change (审计日志): who, as which role, for which organ,
/// did what to which record, when and from where. Never updated or deleted.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? Role { get; set; }
    public Guid? OrganId { get; set; }
    public required string Action { get; set; }
    public required string TargetType { get; set; }
    public string? TargetId { get; set; }
    /// <summary>What changed, in words a clerk reads. Never contains personal data.</summary>
    public string? Summary { get; set; }
    public string? Address { get; set; }

    internal static void RejectChanges(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<AuditEvent>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("审计日志只能追加，不能修改或删除。");
            }
        }
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.Property(e => e.ActorId).HasMaxLength(64);
        b.Property(e => e.ActorName).HasMaxLength(128);
        b.Property(e => e.Role).HasMaxLength(32);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.TargetType).HasMaxLength(64);
        b.Property(e => e.TargetId).HasMaxLength(64);
        b.Property(e => e.Summary).HasMaxLength(1000);
        b.Property(e => e.Address).HasMaxLength(64);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.OrganId, e.At });
        b.HasIndex(e => new { e.TargetType, e.TargetId });
    }
}
