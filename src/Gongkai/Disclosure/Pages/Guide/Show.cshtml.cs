using Gongkai.Disclosure;
using Gongkai.Disclosure.Guide;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Disclosure.Pages.Guide;

/// <summary>One organ's 政府信息公开指南: the saved one, or the generated default until its staff save one.</summary>
public sealed class ShowModel(Guides guides) : PageModel
{
    public Guides.Shown Shown { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string organCode, CancellationToken ct)
    {
        var organ = await guides.OrganAsync(organCode, ct);
        if (organ is null)
        {
            return NotFound();
        }

        Shown = await guides.GetAsync(organ, DisclosurePublic.Portal(Request), ct);
        return Page();
    }

    /// <summary>A stored text as paragraphs, one per line.</summary>
    public static IEnumerable<string> Paragraphs(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
