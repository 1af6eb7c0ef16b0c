using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Documents;

/// <summary>What the public document page shows, cached per document and dropped on every change.</summary>
public sealed class DocumentPages(GongkaiDb db, DocumentCache cache)
{
    public sealed record View(GovDocument Document, string OrganName, string OrganCode, IReadOnlyList<DocumentRevision> History)
    {
        /// <summary>The publishing organ's English name, when staff gave one (the English pages).</summary>
        public string? OrganEnglishName { get; init; }
    }

    /// <summary>A published or 废止/失效 document; null for a draft, a withdrawn one or one that is not 主动公开.</summary>
    public Task<View?> GetAsync(Guid id, CancellationToken ct = default) =>
        cache.GetAsync(id, async () =>
        {
            var doc = await db.Documents.AsNoTracking().Include(d => d.Attachments).FirstOrDefaultAsync(d => d.Id == id, ct);
            if (doc is null || !doc.IsPublic)
            {
                return null;
            }

            var organ = await db.Organs.Where(o => o.Id == doc.OrganId).Select(o => new { o.FullName, o.Code, o.EnglishName }).SingleAsync(ct);
            var history = await db.DocumentRevisions.AsNoTracking().Where(r => r.DocumentId == id).OrderByDescending(r => r.Version).ToListAsync(ct);
            return new View(doc, organ.FullName, organ.Code, history) { OrganEnglishName = organ.EnglishName };
        });
}
