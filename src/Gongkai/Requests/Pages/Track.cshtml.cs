using Gongkai.Requests.Intake;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gongkai.Requests.Pages;

/// <summary>
/// The applicant's status page: tracking number and secret in, stage and due date out. It is a POST so the secret
/// never appears in an address, a log or the browser history.
/// </summary>
public sealed class TrackModel(TrackRequest track, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public string? TrackingNumber { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    public TrackedRequest? Found { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Found = await track.FindAsync(TrackingNumber, Secret, ct);
        if (Found is null)
        {
            ModelState.AddModelError(string.Empty, L["受理编号或查询码不正确，请核对后重试。"]);
        }

        return Page();
    }
}
