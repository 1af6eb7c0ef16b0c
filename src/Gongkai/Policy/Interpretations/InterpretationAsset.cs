using Gongkai.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Policy.Interpretations;

/// <summary>
/// An image or file uploaded through the editor into an interpretation (图解, a table as a picture, the full text as a
/// PDF); the bytes live in the file store under their SHA-256. Served at /interpretations/{id}/assets/{asset}: to
/// everyone once the interpretation is published, before that only to staff of the organ (<see cref="InterpretationAssets"/>).
/// </summary>
public sealed class InterpretationAsset : IStoredFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InterpretationId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class InterpretationAssetConfiguration : IEntityTypeConfiguration<InterpretationAsset>
{
    public void Configure(EntityTypeBuilder<InterpretationAsset> b)
    {
        b.ToTable("interpretation_assets");
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.HasIndex(a => a.InterpretationId);
        b.HasOne<Interpretation>().WithMany().HasForeignKey(a => a.InterpretationId).OnDelete(DeleteBehavior.Cascade);
    }
}
