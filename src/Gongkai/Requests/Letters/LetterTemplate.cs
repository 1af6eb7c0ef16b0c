using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests.Letters;

/// <summary>
/// One version of a letter template (文书模板). Versions are append-only: editing adds the next version, so a letter
/// can always say which wording it used. With no stored version, the shipped default (<see cref="DefaultTemplates"/>,
/// version 0) applies.
/// </summary>
public sealed class LetterTemplate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>See <see cref="LetterKeys"/>.</summary>
    public required string Key { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }
    /// <summary>Lines with {占位符}; see <see cref="LetterPlaceholders"/> and <see cref="Platform.Documents.PrintedDocument.ParseLines"/>.</summary>
    public required string Body { get; set; }
    /// <summary>Why it was changed.</summary>
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public required string CreatedByName { get; set; }
}

internal sealed class LetterTemplateConfiguration : IEntityTypeConfiguration<LetterTemplate>
{
    public void Configure(EntityTypeBuilder<LetterTemplate> b)
    {
        b.ToTable("letter_templates");
        b.Property(t => t.Key).HasMaxLength(48);
        b.Property(t => t.Title).HasMaxLength(100);
        b.Property(t => t.Body).HasMaxLength(LetterPlaceholders.MaxBodyLength);
        b.Property(t => t.Note).HasMaxLength(500);
        b.Property(t => t.CreatedById).HasMaxLength(64);
        b.Property(t => t.CreatedByName).HasMaxLength(128);
        b.HasIndex(t => new { t.Key, t.Version }).IsUnique().DecidesEditRace();
    }
}
