using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Pages.Guide;

/// <summary>政府信息公开指南 of every organ in use, grouped by kind, with the date each was last updated.</summary>
public sealed class IndexModel(GongkaiDb db) : PageModel
{
    public List<IGrouping<OrganKind, Organ>> Groups { get; private set; } = [];
    public Dictionary<Guid, DateTimeOffset> Updated { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organs = await db.Organs.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        Groups = organs.GroupBy(o => o.Kind).OrderBy(g => g.Key == OrganKind.Other ? 99 : (int)g.Key).ToList();
        Updated = await db.Set<Disclosure.Guide.OpennessGuide>().AsNoTracking().ToDictionaryAsync(g => g.OrganId, g => g.UpdatedAt, ct);
    }

    public static string KindLabel(OrganKind kind) => kind switch
    {
        OrganKind.DistrictGovernment => "区人民政府",
        OrganKind.Department => "区政府工作部门",
        OrganKind.StreetOffice => "街道办事处",
        OrganKind.Institution => "事业单位",
        _ => "其他单位",
    };
}
