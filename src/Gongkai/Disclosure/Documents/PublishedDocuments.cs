using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Documents;

/// <summary>A published (主动公开) document as another module may point to it.</summary>
public sealed record PublishedDocumentLink(Guid Id, string Title, string? IndexNumber, string Url, DateTimeOffset? PublishedAt = null);

/// <summary>Any document, published or not, as another module may refer to it (e.g. to flag a draft policy for interpretation).</summary>
public sealed record DocumentReference(Guid Id, Guid OrganId, string Title, bool IsPublic, DateTimeOffset? PublishedAt);

/// <summary>
/// The small public service other modules use to link a published document (e.g. a 依申请公开 reply “已主动公开”),
/// without reading Disclosure's tables. Only a document the public can read is found.
/// </summary>
public sealed class PublishedDocuments(GongkaiDb db)
{
    public async Task<PublishedDocumentLink?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var doc = await db.Documents.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.Id, d.Title, d.IndexNumber, d.Status, d.Attribute, d.PublishedAt })
            .FirstOrDefaultAsync(ct);
        return doc is { Status: DocumentStatus.Published, Attribute: DisclosureAttribute.Proactive }
            ? new(doc.Id, doc.Title, doc.IndexNumber, DocumentSearch.Url(doc.Id), doc.PublishedAt)
            : null;
    }

    /// <summary>A document of any status (not withdrawn); callers check the organ scope themselves.</summary>
    public async Task<DocumentReference?> ReferenceAsync(Guid id, CancellationToken ct = default) =>
        await db.Documents.AsNoTracking().Where(d => d.Id == id && d.Status != DocumentStatus.Withdrawn)
            .Select(d => new DocumentReference(d.Id, d.OrganId, d.Title, d.Status == DocumentStatus.Published && d.Attribute == DisclosureAttribute.Proactive, d.PublishedAt))
            .FirstOrDefaultAsync(ct);
}
