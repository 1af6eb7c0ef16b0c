using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// The one way staff pages and the API load documents: always through the viewer's organ scope
/// (<see cref="DocumentAccess.Viewers"/>), so another organ's document is simply not found (404); what the viewer may
/// then do to it is asked of <see cref="StaffAccess.RequireAsync"/> (403). docs/ARCHITECTURE.md §The access rule.
/// </summary>
public sealed class DocumentFinder(GongkaiDb db, StaffAccess access)
{
    public Task<OrganScope> ScopeAsync() => access.ScopeAsync(DocumentAccess.Viewers);

    /// <summary>The document with its attachments, tracked for a workflow step; null when absent or outside the viewer's scope.</summary>
    public async Task<GovDocument?> FindAsync(Guid id, CancellationToken ct = default) =>
        await InScopeAsync(await db.Documents.Include(d => d.Attachments).FirstOrDefaultAsync(d => d.Id == id, ct));

    /// <summary>The document with its attachments for reading; null when absent or outside the viewer's scope.</summary>
    public async Task<GovDocument?> ReadAsync(Guid id, CancellationToken ct = default) =>
        await InScopeAsync(await db.Documents.AsNoTracking().Include(d => d.Attachments).FirstOrDefaultAsync(d => d.Id == id, ct));

    /// <summary>
    /// A document anyone may read once it is public (已发布), and an unpublished one only within the viewer's scope: the
    /// API's single-document read. Null when absent or not visible.
    /// </summary>
    public async Task<GovDocument?> ReadPublicOrInScopeAsync(Guid id, CancellationToken ct = default)
    {
        var doc = await db.Documents.AsNoTracking().Include(d => d.Attachments).FirstOrDefaultAsync(d => d.Id == id, ct);
        return doc is not null && doc.IsPublic ? doc : await InScopeAsync(doc);
    }

    /// <summary>The scope's documents, for lists.</summary>
    public IQueryable<GovDocument> Visible(OrganScope scope) => db.Documents.AsNoTracking().Within(scope, d => d.OrganId);

    private async Task<GovDocument?> InScopeAsync(GovDocument? doc) =>
        doc is not null && (await ScopeAsync()).Covers(doc.OrganId) ? doc : null;
}
