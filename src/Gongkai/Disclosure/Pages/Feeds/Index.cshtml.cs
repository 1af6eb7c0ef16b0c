using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Pages.Feeds;

/// <summary>Where to subscribe: RSS and Atom for the whole site, each organ and each top 主题分类.</summary>
public sealed class IndexModel(GongkaiDb db) : PageModel
{
    public List<Organ> Organs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Organs = await db.Organs.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
}
