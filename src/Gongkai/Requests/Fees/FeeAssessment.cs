using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests.Fees;

/// <summary>
/// The information-processing fee (信息处理费) charged on one request: how it was computed, when the notice went out,
/// by when and how to pay, and the payment. The clock's own record of the notice and the payment are the
/// <see cref="Clock.ClockEventKind.FeeNoticeIssued"/> and <see cref="Clock.ClockEventKind.FeePaid"/> events, written
/// in the same unit of work.
/// </summary>
public sealed class FeeAssessment : IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public FeeMethod Method { get; set; }
    /// <summary>按件: items the same applicant filed earlier in the natural month.</summary>
    public int? EarlierItems { get; set; }
    /// <summary>按件: items this request counts as (一事一申请).</summary>
    public int? Items { get; set; }
    /// <summary>按量: pages provided.</summary>
    public int? Pages { get; set; }
    /// <summary>Whole yuan.</summary>
    public int Amount { get; set; }
    /// <summary>The tiers, one per line, as printed on the notice.</summary>
    public required string Breakdown { get; set; }
    /// <summary>缴费方式 as told to the applicant (account, counter, online payment).</summary>
    public required string PaymentInstructions { get; set; }
    public DateOnly NoticeOn { get; set; }
    /// <summary>
    /// 20 working days after the notice (国办函〔2020〕109号 as restated by provincial rules); null while that day lies past
    /// the loaded holiday schedules (a notice in December before next year's schedule is out) — then the notice states the
    /// period (<see cref="Platform.Calendar.WorkingDayCalendar.PeriodText"/>) and the date is filled in when the year is loaded.
    /// </summary>
    public DateOnly? PayBy { get; set; }

    /// <summary>The payment deadline as printed (fee page, notice): the date, or the period while the date is pending.</summary>
    public string PayByText(Platform.Calendar.WorkingDayCalendar calendar) =>
        PayBy is { } day ? Platform.ChineseDates.Long(day) : calendar.PeriodText(NoticeOn, Clock.ReplyDeadline.FeePaymentWorkingDays);

    public DateOnly? PaidOn { get; set; }
    /// <summary>Receipt or transaction number of the payment.</summary>
    public string? PaymentReference { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public required string CreatedByName { get; set; }
}

internal sealed class FeeAssessmentConfiguration : IEntityTypeConfiguration<FeeAssessment>
{
    public void Configure(EntityTypeBuilder<FeeAssessment> b)
    {
        b.ToTable("request_fees");
        b.Property(f => f.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.Breakdown).HasMaxLength(2000);
        b.Property(f => f.PaymentInstructions).HasMaxLength(500);
        b.Property(f => f.PaymentReference).HasMaxLength(100);
        b.Property(f => f.CreatedById).HasMaxLength(64);
        b.Property(f => f.CreatedByName).HasMaxLength(128);
        b.HasIndex(f => f.RequestId).IsUnique().DecidesEditRace();
        b.HasOne<DisclosureRequest>().WithMany().HasForeignKey(f => f.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}
