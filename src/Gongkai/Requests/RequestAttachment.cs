using Gongkai.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests;

/// <summary>
/// A file of a request, the bytes in the file store under their SHA-256: sent with the request (a scanned letter, the ID
/// proof), or released by the reply (予以公开 / 部分公开: the information itself, which the applicant downloads from the
/// tracking page once the reply is delivered). <see cref="Kind"/> says which; one table, one mechanism.
/// </summary>
public sealed class RequestAttachment : IStoredFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public RequestFileKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>What a request's file is. Values are stored: never change one.</summary>
public enum RequestFileKind
{
    /// <summary>Sent with the request by the applicant or registered by staff.</summary>
    Submitted = 0,
    /// <summary>公开的政府信息: attached by staff to a reply that releases information, for the applicant to download once delivered.</summary>
    Released = 1,
}

internal sealed class RequestAttachmentConfiguration : IEntityTypeConfiguration<RequestAttachment>
{
    public void Configure(EntityTypeBuilder<RequestAttachment> b)
    {
        b.ToTable("request_attachments");
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(a => a.RequestId);
    }
}
