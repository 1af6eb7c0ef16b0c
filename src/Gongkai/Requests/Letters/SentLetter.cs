using Gongkai.Platform.Files;
using Gongkai.Requests.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests.Letters;

/// <summary>
/// 发文存档: the reply letter exactly as it went out, kept when the reply is delivered. The PDF is produced from the reviewed
/// reply and the template version of that day and stored by its SHA-256 in the file store, so a later template edit, a
/// correction of the organ's name or a reopened request never changes what the applicant received. A reopened request
/// that is answered again keeps both letters.
/// </summary>
public sealed class SentLetter : IStoredFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public Guid OrganId { get; set; }

    /// <summary>The template key (reply-Disclosed, …) and the version the letter was filled from (0: the shipped wording).</summary>
    public required string TemplateKey { get; set; }
    public int TemplateVersion { get; set; }
    public required string Title { get; set; }
    public RequestOutcome Outcome { get; set; }

    /// <summary>落款日期: the day the reply was approved (签发).</summary>
    public DateOnly LetterDate { get; set; }
    public DeliveryMethod DeliveredBy { get; set; }
    public DateOnly DeliveredOn { get; set; }

    public required string FileName { get; set; }

    /// <summary>
    /// The letter as filled in (title, reference and paragraphs, <see cref="SentLetterContent"/>): what went out is kept
    /// even when its PDF could not be rendered at delivery, and the PDF is rendered from it later.
    /// </summary>
    public required string Content { get; set; }

    /// <summary>The stored PDF; null while it waits to be rendered (delivery never waits for rendering).</summary>
    public string? Sha256 { get; set; }
    public long Size { get; set; }
    public bool IsRendered => Sha256 is not null;
    public DateTimeOffset StoredAt { get; set; }
    public string? StoredById { get; set; }
    public string? StoredByName { get; set; }
}

internal sealed class SentLetterConfiguration : IEntityTypeConfiguration<SentLetter>
{
    public void Configure(EntityTypeBuilder<SentLetter> b)
    {
        b.ToTable("sent_letters");
        b.Property(l => l.TemplateKey).HasMaxLength(60);
        b.Property(l => l.Title).HasMaxLength(200);
        b.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(40);
        b.Property(l => l.DeliveredBy).HasConversion<string>().HasMaxLength(40);
        b.Property(l => l.FileName).HasMaxLength(260);
        b.Ignore(l => l.IsRendered);
        b.Property(l => l.Sha256).HasMaxLength(64);
        b.Property(l => l.StoredById).HasMaxLength(450);
        b.Property(l => l.StoredByName).HasMaxLength(100);
        b.HasIndex(l => l.RequestId);
    }
}
