using Gongkai.Disclosure.Catalogue;
using Gongkai.Disclosure.Documents;
using Gongkai.Disclosure.Guide;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Portal;

/// <summary>
/// The public page of a 公开主体: its 政府信息公开指南 (and the openness office's contact from it), its latest published
/// information with the way into its whole catalogue, and its annual reports.
/// </summary>
public sealed class OrganPages(GongkaiDb db, Guides guides, AnnualReportDocuments reports)
{
    public const int Latest = 10;

    public sealed record View(Organ Organ, Organ? Parent, Guides.Shown Guide, int Published, IReadOnlyList<ColumnDocuments.Entry> Recent, IReadOnlyList<AnnualReportDocuments.Report> Reports);

    /// <summary>Every organ the public may look up (active ones, and those that still have published information), in the district's order.</summary>
    public async Task<IReadOnlyList<Organ>> OrgansAsync(CancellationToken ct = default) =>
        await db.Organs.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Kind).ThenBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);

    public async Task<View?> GetAsync(string code, string portal, CancellationToken ct = default)
    {
        var organ = await guides.OrganAsync(code, ct);
        if (organ is null)
        {
            return null;
        }

        var parent = organ.ParentId is { } p ? await db.Organs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == p, ct) : null;
        var guide = await guides.GetAsync(organ, portal, ct);
        var mine = DocumentCatalogue.Public(db).Where(d => d.OrganId == organ.Id);
        var count = await mine.CountAsync(ct);
        var recent = await mine.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).Take(Latest)
            .Select(d => new ColumnDocuments.Entry(d.Id, d.Title, d.DocumentNumber, d.PublishedAt!.Value, d.OrganId, d.Validity))
            .ToListAsync(ct);
        return new View(organ, parent, guide, count, recent, await reports.AllAsync(organ.Id, ct));
    }
}
