using Gongkai.Platform.SiteErrors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gongkai.Platform.Pages.SiteErrors;

/// <summary>A reporter reads the answer to a 网站找错 message with its receipt number (POSTed, so it stays out of addresses and logs).</summary>
public sealed class ReceiptModel(SiteErrorQueries queries, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public string? Number { get; set; }

    public SiteErrorQueries.Receipt? Found { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Number))
        {
            ModelState.AddModelError(nameof(Number), L["请填写回执编号。"]);
        }
        else
        {
            Found = await queries.ReceiptAsync(Number, ct);
            if (Found is null)
            {
                ModelState.AddModelError(nameof(Number), L["回执编号不正确，请核对后重试。"]);
            }
        }

        if (Found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
