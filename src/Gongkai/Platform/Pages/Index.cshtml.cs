using Gongkai.Platform.Organisation;
using Gongkai.Platform.Portal;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Platform.Pages;

/// <summary>
/// The portal's home page (国办发〔2017〕47号): the dated lists the modules contribute (要闻动态, 通知公告, 最新公开), the
/// registered columns by group — every entry a link to a page that exists — and the 公开主体, each linked to its page.
/// </summary>
public sealed class IndexModel(PortalSummary summary, PortalColumns columns, IEnumerable<IPortalList> lists) : PageModel
{
    public const int ListLength = 8;

    public PortalSummary.Figures Summary { get; private set; } = null!;

    public PortalColumns Columns => columns;

    public List<PortalList> Lists { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Summary = await summary.GetAsync(ct);
        foreach (var list in lists.OrderBy(l => l.Order))
        {
            Lists.Add(await list.LatestAsync(ListLength, ct));
        }
    }

    /// <summary>The address of an organ's page, when the module that serves organ pages is present.</summary>
    public string? OrganUrl(string code) => columns.Has("/organs") ? "/organs/" + Uri.EscapeDataString(code) : null;
}
