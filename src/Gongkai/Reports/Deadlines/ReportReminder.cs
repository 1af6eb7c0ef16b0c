using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Reports.Deadlines;

/// <summary>Which reminder an organ gets about its annual report.</summary>
public enum ReportReminderKind
{
    /// <summary>待发布: the past year's report is not published and its deadline is still ahead.</summary>
    Due = 1,
    /// <summary>逾期: the deadline has passed and the report is not published.</summary>
    Overdue = 2,
}

/// <summary>
/// One line of a day's annual-report reminder list, written by the daily run (<see cref="ReportReminderSweep"/>) from
/// 1 January for every active organ whose report for the past year is not published: the organ's staff see it on their
/// work list and on /admin/reports, the district office sees who is late. Kept, so it shows who was reminded when.
/// </summary>
public sealed class ReportReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganId { get; set; }
    /// <summary>The year the report covers.</summary>
    public int Year { get; set; }
    public ReportReminderKind Kind { get; set; }
    /// <summary>The day of the list.</summary>
    public DateOnly On { get; set; }
    /// <summary>The publication deadline (31 January; the district government 31 March).</summary>
    public DateOnly DueOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ReportReminderConfiguration : IEntityTypeConfiguration<ReportReminder>
{
    public void Configure(EntityTypeBuilder<ReportReminder> b)
    {
        b.ToTable("annual_report_reminders");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => new { r.OrganId, r.Year, r.On }).IsUnique();
        b.HasIndex(r => new { r.On, r.Kind, r.OrganId });
        b.HasOne<Platform.Organisation.Organ>().WithMany().HasForeignKey(r => r.OrganId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class ReportReminderKinds
{
    public static string Label(this ReportReminderKind kind) => kind switch
    {
        ReportReminderKind.Due => "待发布",
        ReportReminderKind.Overdue => "已逾期",
        _ => kind.ToString(),
    };
}
