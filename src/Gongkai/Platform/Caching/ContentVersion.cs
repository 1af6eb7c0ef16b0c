using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Caching;

/// <summary>
/// How often what the public sees under one <see cref="ContentTags">tag</see> has changed: a counter raised by one in
/// the transaction that changes it (docs/ARCHITECTURE.md §Public page cache). Cached pages carry the counters they
/// were made under and are served only while those are still the database's, on every instance.
/// </summary>
public sealed class ContentVersion
{
    public required string Tag { get; init; }

    /// <summary>Only ever raised (never reset), so a sum of counters can never come back to an earlier value.</summary>
    public long Version { get; private set; }

    /// <summary>When it was last raised, in Unix milliseconds (the pages' Last-Modified).</summary>
    public long ChangedAt { get; private set; }

    public const string Table = "content_versions";
}

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> b)
    {
        b.ToTable(ContentVersion.Table);
        b.HasKey(v => v.Tag);
        b.Property(v => v.Tag).HasMaxLength(32);
    }
}
