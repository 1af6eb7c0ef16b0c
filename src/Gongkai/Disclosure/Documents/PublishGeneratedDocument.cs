using Gongkai.Disclosure.Review;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Files;
using Gongkai.Platform.Search;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Documents;

/// <summary>A file produced by another module, attached to the document it publishes (e.g. the report as PDF and Excel).</summary>
public sealed record GeneratedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// What another module publishes in the catalogue: a 主动公开 document whose content it produced and checked itself.
/// <paramref name="WrittenText"/> is the text people wrote (the narrative), scanned for personal data; the figures of
/// tables are not scanned, since cells run together in plain text and would look like ID or phone numbers.
/// </summary>
public sealed record GeneratedDocument(
    Guid OrganId,
    string Title,
    string SubjectCategory,
    InformationType Type,
    DateOnly WrittenOn,
    string BodyHtml,
    string? Summary,
    IReadOnlyList<GeneratedFile> Files,
    string ChangeNote,
    string WrittenText);

/// <summary>
/// Publishes in the 主动公开 catalogue a document another module produced (the annual report): created on the first
/// publication, revised (the previous version kept in the history, attachments replaced) on the next. The module checks
/// its own content beforehand (the annual report's 核对); here only the publisher's right, the body's sanitising and the
/// personal-data scan apply — a finding refuses publication, since nobody reviews a generated text line by line. Search
/// index, 索引号 and audit as for any document; the caller's transaction (if any) holds it all.
/// </summary>
public sealed class PublishGeneratedDocument(GongkaiDb db, AuditLog audit, StaffAccess access, IndexNumbers indexNumbers, FileStore files,
    MaskingRules masks, CurrentActor actor, TimeProvider clock)
{
    public async Task<GovDocument> HandleAsync(Guid? existingId, GeneratedDocument input, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(input.OrganId, DocumentAccess.Publishers, "发布", DocumentAccess.Records);
        if (!Catalogue.SubjectCategories.IsValid(input.SubjectCategory))
        {
            throw new ValidationFailure($"主题分类“{input.SubjectCategory}”不存在。", "SubjectCategory");
        }

        var body = DocumentBody.FromHtml(input.BodyHtml);
        var today = ChineseDates.Today(clock);
        var findings = PersonalDataScanner.Scan(input.Title + "\n" + input.Summary + "\n" + input.WrittenText, today);
        if (findings.Count > 0)
        {
            throw new ValidationFailure(
                $"发布内容中检出{findings.Count}处个人信息（{string.Join("、", findings.Select(f => $"{f.Kind.Label()} {masks.Mask(f)}"))}），请先修改正文再发布。", "Body");
        }

        await using var tx = await OwnedTransaction.BeginAsync(db, ct);
        var now = clock.GetUtcNow();
        var doc = existingId is { } id ? await db.Documents.Include(d => d.Attachments).FirstOrDefaultAsync(d => d.Id == id, ct) : null;
        if (doc is not null && doc.OrganId != input.OrganId)
        {
            throw new ValidationFailure("原发布的信息属于其他单位，不能更新。", "OrganId");
        }

        var issuer = await db.Organs.Where(o => o.Id == input.OrganId).Select(o => o.FullName).SingleAsync(ct);
        var replaces = doc is not null;
        if (doc is null)
        {
            doc = new GovDocument
            {
                OrganId = input.OrganId,
                Title = input.Title,
                SubjectCategory = input.SubjectCategory,
                Issuer = issuer,
                CreatedAt = now,
                CreatedById = actor.UserId,
            };
            db.Documents.Add(doc);
        }
        else
        {
            db.DocumentRevisions.Add(new DocumentRevision
            {
                DocumentId = doc.Id,
                Version = doc.Version,
                Title = doc.Title,
                DocumentNumber = doc.DocumentNumber,
                BodyHtml = doc.BodyHtml,
                PublishedAt = doc.PublishedAt,
                SupersededAt = now,
                ChangeNote = input.ChangeNote,
            });
            db.DocumentAttachments.RemoveRange(doc.Attachments);
            doc.Attachments.Clear();
        }

        (doc.Title, doc.SubjectCategory, doc.InformationType, doc.Issuer) = (input.Title, input.SubjectCategory, input.Type, issuer);
        (doc.WrittenOn, doc.FormedOn, doc.PublishDueOn) = (input.WrittenOn, input.WrittenOn, null);
        (doc.Attribute, doc.AttributeReason, doc.AttributeLegalBasis) = (DisclosureAttribute.Proactive, null, null);
        (doc.BodyHtml, doc.BodyText, doc.Summary) = (body.Html, body.Text, input.Summary);
        doc.PublishGenerated(actor.UserId, actor.Name, input.ChangeNote, now, newVersion: replaces);
        doc.IndexNumber ??= await indexNumbers.NextAsync(doc.OrganId, today, ct);
        var order = 0;
        foreach (var f in input.Files)
        {
            var stored = await files.SaveAsync(db, f.Content, ct);
            var attachment = new DocumentAttachment
            {
                DocumentId = doc.Id,
                FileName = f.FileName,
                ContentType = f.ContentType,
                Size = stored.Size,
                Sha256 = stored.Sha256,
                SortOrder = order++,
                CreatedAt = now,
            };
            db.DocumentAttachments.Add(attachment);
            doc.Attachments.Add(attachment);
        }

        audit.Record(doc.Version == 1 ? DisclosureAuditActions.Publish : DisclosureAuditActions.Revise, "Document", doc.Id.ToString(),
            $"{(doc.Version == 1 ? "发布" : $"更新为第{doc.Version}版：")}“{doc.Title}”，索引号{doc.IndexNumber}（{input.ChangeNote}）", doc.OrganId, role);
        await db.SaveChangesAsync(ct);
        await SearchIndex.For(db).ReplaceAsync(db, DocumentSearch.OwnerType, doc.Id, DocumentSearch.IndexedText(doc), ct);
        await tx.CommitAsync(ct);
        return doc;
    }
}
