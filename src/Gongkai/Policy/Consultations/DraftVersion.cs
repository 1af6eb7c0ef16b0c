using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Policy.Consultations;

/// <summary>
/// One version of the draft (征求意见稿), never changed once saved: a later version is a new row with its change note,
/// so a comment stays attached to the text it was written on.
/// </summary>
public sealed class DraftVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConsultationId { get; set; }
    public int Number { get; set; }
    /// <summary>修改说明: what changed from the previous version.</summary>
    public required string ChangeNote { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByName { get; set; }
    public List<DraftArticle> Articles { get; set; } = [];
}

/// <summary>An article (条) or, in a text without articles, a paragraph (段) of one draft version: the unit one comments on.</summary>
public sealed class DraftArticle
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VersionId { get; set; }
    public int Position { get; set; }
    /// <summary>第三条, or 第2段: the same label across versions names the same article.</summary>
    public required string Label { get; set; }
    public required string Text { get; set; }
}

internal sealed class DraftVersionConfiguration : IEntityTypeConfiguration<DraftVersion>
{
    public void Configure(EntityTypeBuilder<DraftVersion> b)
    {
        b.ToTable("consultation_versions");
        b.Property(v => v.ChangeNote).HasMaxLength(2000);
        b.Property(v => v.Text).HasMaxLength(200_000);
        b.Property(v => v.CreatedByName).HasMaxLength(128);
        b.HasIndex(v => new { v.ConsultationId, v.Number }).IsUnique().DecidesEditRace();
        b.HasOne<Consultation>().WithMany().HasForeignKey(v => v.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Articles).WithOne().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DraftArticleConfiguration : IEntityTypeConfiguration<DraftArticle>
{
    public void Configure(EntityTypeBuilder<DraftArticle> b)
    {
        b.ToTable("consultation_articles");
        b.Property(a => a.Label).HasMaxLength(32);
        b.Property(a => a.Text).HasMaxLength(20_000);
        b.HasIndex(a => new { a.VersionId, a.Position }).IsUnique();
    }
}
