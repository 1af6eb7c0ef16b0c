using Gongkai.Platform.Organisation;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Gongkai.Disclosure.Pages.En;

/// <summary>About the district (/en/about): the configured English description (Site:English:About) and the organs from the data.</summary>
public sealed class AboutModel(PortalSummary summary, IOptions<EnglishSiteOptions> english) : PageModel
{
    public PortalSummary.Figures Figures { get; private set; } = null!;
    public IReadOnlyList<string> Paragraphs => english.Value.About.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();

    public async Task OnGetAsync(CancellationToken ct) => Figures = await summary.GetAsync(ct);
}
