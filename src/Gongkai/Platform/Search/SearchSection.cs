using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Search;

/// <summary>
/// One indexed section (≤ <see cref="SearchIndex.SectionLength"/> characters) of a searchable record.
/// Long texts are indexed in sections (DESIGN §3) so positions stay within PostgreSQL's tsvector limits
/// and snippets come from the part that matched. The owner is any record of any module.
/// </summary>
public sealed class SearchSection
{
    public long Id { get; set; }
    public required string OwnerType { get; set; }
    public Guid OwnerId { get; set; }
    public int Seq { get; set; }
    /// <summary>The section's plain text, for snippets.</summary>
    public required string Text { get; set; }
}

internal sealed class SearchSectionConfiguration : IEntityTypeConfiguration<SearchSection>
{
    public void Configure(EntityTypeBuilder<SearchSection> b)
    {
        b.ToTable("search_sections");
        b.Property(s => s.OwnerType).HasMaxLength(32);
        b.HasIndex(s => new { s.OwnerId, s.Seq });
    }
}
