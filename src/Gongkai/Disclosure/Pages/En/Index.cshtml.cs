using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Organisation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Disclosure.Pages.En;

/// <summary>The English home page (/en): the district in a sentence, the latest news and documents in English, the ways in.</summary>
public sealed class IndexModel(EnglishDocuments english, PortalSummary summary) : PageModel
{
    public IReadOnlyList<EnglishDocuments.Item> News { get; private set; } = [];
    public IReadOnlyList<EnglishDocuments.Item> Documents { get; private set; } = [];
    public PortalSummary.Figures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        News = await english.LatestAsync(news: true, 5, ct);
        Documents = await english.LatestAsync(news: false, 5, ct);
        Figures = await summary.GetAsync(ct);
    }
}
