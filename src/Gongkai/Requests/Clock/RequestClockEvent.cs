using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests.Clock;

/// <summary>One recorded event on a request's clock; append-only, in the order recorded.</summary>
public sealed class RequestClockEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public int Sequence { get; set; }
    public ClockEventKind Kind { get; set; }
    public DateOnly On { get; set; }
    /// <summary>Correction period end, or the Art. 35 delayed deadline.</summary>
    public DateOnly? Until { get; set; }
    /// <summary>Working days of an extension.</summary>
    public int? WorkingDays { get; set; }
    /// <summary>The consulted party, or the reason of an Art. 35 delay.</summary>
    public string? Party { get; set; }
    /// <summary>Who approved an extension (the head of the openness office).</summary>
    public string? ApprovedBy { get; set; }
    public RequestOutcome? Outcome { get; set; }
    /// <summary>Staff note; never shown to the applicant.</summary>
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedById { get; set; }
    public required string RecordedByName { get; set; }

    public ClockEntry ToEntry() => new(Kind, On, Until, WorkingDays, Party, ApprovedBy);
}

internal sealed class RequestClockEventConfiguration : IEntityTypeConfiguration<RequestClockEvent>
{
    public void Configure(EntityTypeBuilder<RequestClockEvent> b)
    {
        b.ToTable("request_clock_events");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.Party).HasMaxLength(500);
        b.Property(e => e.ApprovedBy).HasMaxLength(100);
        b.Property(e => e.Note).HasMaxLength(1000);
        b.Property(e => e.RecordedById).HasMaxLength(64);
        b.Property(e => e.RecordedByName).HasMaxLength(128);
        b.HasIndex(e => new { e.RequestId, e.Sequence }).IsUnique().DecidesEditRace();
    }
}
