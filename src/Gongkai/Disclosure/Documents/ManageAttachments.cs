using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Files;
using Gongkai.Platform.Staff;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// Attaches files to a document before publication: PDF, Word, Excel, images and text, recognised by their
/// content; a file whose content contradicts its name, or that is too large, is refused with the reason.
/// </summary>
public sealed class ManageAttachments(GongkaiDb db, FileStore files, AuditLog audit, StaffAccess access, IConfiguration configuration, TimeProvider clock)
{
    public long MaxBytes => configuration.GetValue("Disclosure:MaxAttachmentBytes", 20L * 1024 * 1024);

    public async Task<DocumentAttachment> AddAsync(GovDocument doc, string? fileName, byte[] content, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(doc.OrganId, DocumentAccess.Editors, "上传附件到", DocumentAccess.Records);
        if (doc.Status is not (DocumentStatus.Draft or DocumentStatus.Submitted))
        {
            throw new ValidationFailure("只能给草稿或待审核的信息添加附件。", "Attachment");
        }

        var (name, kind) = UploadCheck.Accept(fileName, content, MaxBytes, "Attachment", "附件");

        var stored = await files.SaveAsync(db, content, ct);
        var attachment = new DocumentAttachment
        {
            DocumentId = doc.Id,
            FileName = name,
            ContentType = kind.ContentType,
            Size = stored.Size,
            Sha256 = stored.Sha256,
            SortOrder = doc.Attachments.Count,
            CreatedAt = clock.GetUtcNow(),
        };
        // Added explicitly: reached only through the tracked document, a new entity with a preset key would be taken for an existing row.
        db.DocumentAttachments.Add(attachment);
        doc.BackToDraft();
        audit.Record(DisclosureAuditActions.AttachmentAdd, "Document", doc.Id.ToString(), $"为“{doc.Title}”上传附件“{name}”（{kind.Name}，{stored.Size}字节）", doc.OrganId, role);
        await db.SaveChangesAsync(ct);
        return attachment;
    }
}
