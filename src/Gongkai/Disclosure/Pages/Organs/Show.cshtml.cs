using Gongkai.Disclosure.Portal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Disclosure.Pages.Organs;

/// <summary>One 公开主体: guide, catalogue, annual reports and contact; an unknown code is 404.</summary>
public sealed class ShowModel(OrganPages pages) : PageModel
{
    public OrganPages.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var view = await pages.GetAsync(code, DisclosurePublic.Portal(Request), ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
