using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// A published version of a document, kept when the document is revised so the history stays visible
/// (版本记录). The snapshot is the public metadata and body as they were.
/// </summary>
public sealed class DocumentRevision
{
    public long Id { get; set; }
    public Guid DocumentId { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }
    public string? DocumentNumber { get; set; }
    public string BodyHtml { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset SupersededAt { get; set; }
    public string? ChangeNote { get; set; }
}

internal sealed class DocumentRevisionConfiguration : IEntityTypeConfiguration<DocumentRevision>
{
    public void Configure(EntityTypeBuilder<DocumentRevision> b)
    {
        b.ToTable("document_revisions");
        b.Property(r => r.Title).HasMaxLength(300);
        b.Property(r => r.DocumentNumber).HasMaxLength(64);
        b.Property(r => r.ChangeNote).HasMaxLength(500);
        b.HasIndex(r => new { r.DocumentId, r.Version }).IsUnique().DecidesEditRace();
        b.HasOne<GovDocument>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
