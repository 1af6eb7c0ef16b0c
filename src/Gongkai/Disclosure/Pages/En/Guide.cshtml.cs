using Gongkai.Disclosure.Guide;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Disclosure.Pages.En;

/// <summary>
/// The openness guide in English (/en/guide): what the Regulation makes public, how to ask for the rest, the time
/// limits, fees and remedies (interface text through the English resources), and the district government's openness
/// office as its Chinese guide gives it (the contact details are shown as written, in Chinese).
/// </summary>
public sealed class GuideModel(GongkaiDb db, Guides guides, IOptions<SiteOptions> site) : PageModel
{
    public Guides.Shown? District { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var government = await db.Organs.AsNoTracking().Where(o => o.IsActive && o.Kind == OrganKind.DistrictGovernment)
            .OrderBy(o => o.SortOrder).FirstOrDefaultAsync(ct);
        if (government is not null)
        {
            District = await guides.GetAsync(government, site.Value.Portal, ct);
        }
    }
}
