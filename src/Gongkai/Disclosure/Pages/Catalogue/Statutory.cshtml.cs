using Gongkai.Disclosure.Catalogue;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Disclosure.Pages.Catalogue;

/// <summary>法定主动公开内容: the fifteen items of Regulation Art. 20, how documents map to them, and how many there are.</summary>
public sealed class StatutoryModel(DocumentCatalogue catalogue) : PageModel
{
    public IReadOnlyList<(StatutoryItems.Item Item, int Count)> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = (await catalogue.BrowseAsync(new DocumentCatalogue.Filter(), ct)).Facets.Items;
}
