using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Policy.Consultations;

/// <summary>意见征集 (a draft policy put out for comment) or 重大决策预公开 (a major decision published in draft first).</summary>
public enum ConsultationKind
{
    /// <summary>意见征集</summary>
    Solicitation = 1,
    /// <summary>重大决策预公开</summary>
    MajorDecision = 2,
}

/// <summary>
/// A consultation: the draft in versions, the basis documents, the organ, the comment period and the feedback.
/// Its public state is never stored: it is derived from the clock (<see cref="ConsultationStates.Of"/>), so it opens
/// and closes at the scheduled instants with no job and on every node alike. The period, announcement, versions,
/// decision and feedback change only through its methods (Consultation.Transitions.cs).
/// </summary>
public sealed partial class Consultation : IVersioned
{
    /// <summary>Concurrency token (<see cref="IVersioned"/>).</summary>
    public long RowVersion { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganId { get; set; }
    public ConsultationKind Kind { get; set; } = ConsultationKind.Solicitation;
    public required string Title { get; set; }
    /// <summary>起草说明: why, on what basis, what the draft changes.</summary>
    public string Explanation { get; set; } = "";
    /// <summary>Other ways to comment (post, e-mail, meetings) as the organ announces them.</summary>
    public string? OtherChannels { get; set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    /// <summary>The day the feedback report (意见采纳情况) is due, in working days after closing; null while the calendar does not reach it.</summary>
    public DateOnly? FeedbackDueOn { get; private set; }
    /// <summary>When the organ announced it (the public sees it from then on; comments only between the period's instants).</summary>
    public DateTimeOffset? AnnouncedAt { get; private set; }
    public DateTimeOffset? FeedbackPublishedAt { get; private set; }
    /// <summary>The organ's summary at the head of the feedback report.</summary>
    public string? FeedbackSummary { get; private set; }
    /// <summary>The published decision document that came out of the consultation; its page links back.</summary>
    public Guid? DecisionDocumentId { get; private set; }
    public int CurrentVersion { get; private set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ConsultationBasis> Basis { get; set; } = [];
}

/// <summary>What a basis document is to the consultation.</summary>
public enum BasisKind
{
    /// <summary>依据</summary>
    Basis = 1,
    /// <summary>起草说明</summary>
    Explanation = 2,
    /// <summary>相关材料</summary>
    Related = 3,
}

/// <summary>A published document the draft rests on or that explains it (links Disclosure's document; not a copy).</summary>
public sealed class ConsultationBasis
{
    public long Id { get; set; }
    public Guid ConsultationId { get; set; }
    public Guid DocumentId { get; set; }
    public required string Title { get; set; }
    public BasisKind Kind { get; set; }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.ToTable("consultations");
        b.Property(c => c.Title).HasMaxLength(300);
        b.Property(c => c.Explanation).HasMaxLength(20_000);
        b.Property(c => c.OtherChannels).HasMaxLength(1000);
        b.Property(c => c.FeedbackSummary).HasMaxLength(5000);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(c => new { c.OrganId, c.OpensAt });
        b.HasIndex(c => new { c.AnnouncedAt, c.OpensAt });
        b.HasIndex(c => c.DecisionDocumentId);
        b.HasOne<Platform.Organisation.Organ>().WithMany().HasForeignKey(c => c.OrganId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Basis).WithOne().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsultationBasisConfiguration : IEntityTypeConfiguration<ConsultationBasis>
{
    public void Configure(EntityTypeBuilder<ConsultationBasis> b)
    {
        b.ToTable("consultation_basis");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.ConsultationId, x.DocumentId }).IsUnique();
    }
}
