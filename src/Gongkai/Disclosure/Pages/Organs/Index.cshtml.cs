using Gongkai.Disclosure.Portal;
using Gongkai.Platform.Organisation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Disclosure.Pages.Organs;

/// <summary>公开主体: every organ of the district, by kind, each linked to its page.</summary>
public sealed class IndexModel(OrganPages pages) : PageModel
{
    public IReadOnlyList<Organ> Organs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Organs = await pages.OrgansAsync(ct);

    public static string KindName(OrganKind kind) => kind switch
    {
        OrganKind.DistrictGovernment => "区人民政府",
        OrganKind.Department => "区政府工作部门",
        OrganKind.StreetOffice => "街道办事处",
        OrganKind.Institution => "其他单位",
        _ => "其他",
    };
}
