using Gongkai.Platform.Organisation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Platform.Pages;

public sealed class IndexModel(PortalSummary summary) : PageModel
{
    public PortalSummary.Figures Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Summary = await summary.GetAsync(ct);
}
