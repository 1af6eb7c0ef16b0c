using Gongkai.Policy.Consultations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gongkai.Policy.Pages.Consultations;

/// <summary>A commenter looks up their comment by receipt number: moderation, and the disposition once published.</summary>
public sealed class ReceiptModel(ConsultationQueries queries, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public string? Number { get; set; }

    public ConsultationQueries.Receipt? Found { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Found = await queries.ReceiptAsync(Number, ct);
        if (Found is null)
        {
            ModelState.AddModelError(string.Empty, L["回执编号不正确，请核对后重试。"]);
        }

        return Page();
    }
}
