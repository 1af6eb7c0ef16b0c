using Gongkai.Plans.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Plans.Reminders;

/// <summary>Which daily list a task reminder belongs to.</summary>
public enum PlanReminderKind
{
    /// <summary>即将到期：<see cref="PlanLedger.DueSoonDays"/>天内到期</summary>
    DueSoon = 1,
    /// <summary>已逾期</summary>
    Overdue = 2,
}

/// <summary>
/// One line of a day's reminder list (催办提醒) for one organ a task names (lead or responsible): written by the daily
/// reminder pass, once per task, organ, kind and day, and shown on that organ's staff work list. Kept, so the office can
/// see which organ was reminded of which task on which day.
/// </summary>
public sealed class PlanReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TaskId { get; set; }
    public Guid OrganId { get; set; }
    public PlanReminderKind Kind { get; set; }
    /// <summary>The day of the list.</summary>
    public DateOnly On { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class PlanReminderConfiguration : IEntityTypeConfiguration<PlanReminder>
{
    public void Configure(EntityTypeBuilder<PlanReminder> b)
    {
        b.ToTable("plan_reminders");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => new { r.TaskId, r.OrganId, r.Kind, r.On }).IsUnique();
        b.HasIndex(r => new { r.On, r.Kind, r.OrganId });
        b.HasOne<PlanTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Platform.Organisation.Organ>().WithMany().HasForeignKey(r => r.OrganId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class PlanReminderKinds
{
    public static string Label(this PlanReminderKind kind) => kind switch
    {
        PlanReminderKind.DueSoon => $"即将到期（{PlanLedger.DueSoonDays}天内）",
        PlanReminderKind.Overdue => "已逾期",
        _ => kind.ToString(),
    };
}
