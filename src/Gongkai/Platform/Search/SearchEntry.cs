using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Search;

/// <summary>
/// One searchable record of any module in the full-text index: one row per owner, so every term of a query may be
/// found anywhere in the record (title or body). <see cref="Id"/> is given when the owner is first indexed and kept
/// when it is re-indexed, so the index's own order is the order of first publication and “newest first” needs no sort.
/// </summary>
public sealed class SearchEntry
{
    public long Id { get; set; }
    public required string OwnerType { get; set; }
    public Guid OwnerId { get; set; }
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> b)
    {
        b.ToTable("search_entries");
        b.Property(s => s.OwnerType).HasMaxLength(32);
        b.HasIndex(s => s.OwnerId).IsUnique();
    }
}
