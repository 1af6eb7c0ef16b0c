using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests.Sweep;

/// <summary>Which daily list a reminder belongs to.</summary>
public enum ReminderKind
{
    /// <summary>即将到期：3个工作日内到期</summary>
    DueSoon = 1,
    /// <summary>已逾期 (the daily overdue list)</summary>
    Overdue = 2,
}

/// <summary>
/// One line of a day's reminder list (催办提醒), written by the daily sweep: a request due within 3 working days, or
/// overdue. Kept, so the office can see which requests were on the overdue list on any day.
/// </summary>
public sealed class RequestReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public Guid OrganId { get; set; }
    public ReminderKind Kind { get; set; }
    /// <summary>The day of the list.</summary>
    public DateOnly On { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class RequestReminderConfiguration : IEntityTypeConfiguration<RequestReminder>
{
    public void Configure(EntityTypeBuilder<RequestReminder> b)
    {
        b.ToTable("request_reminders");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => new { r.RequestId, r.Kind, r.On }).IsUnique();
        b.HasIndex(r => new { r.On, r.Kind, r.OrganId });
        b.HasOne<DisclosureRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class ReminderKinds
{
    public static string Label(this ReminderKind kind) => kind switch
    {
        ReminderKind.DueSoon => "即将到期（3个工作日内）",
        ReminderKind.Overdue => "已逾期",
        _ => kind.ToString(),
    };
}
