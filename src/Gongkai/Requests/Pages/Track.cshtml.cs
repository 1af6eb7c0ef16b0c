using Gongkai.Requests.Intake;
using Gongkai.Requests.Intake.Tracking;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gongkai.Requests.Pages;

/// <summary>
/// The applicant's status page: tracking number and secret in; stages, due date with its explanation and, once the reply
/// is delivered, the reply letter out. Everything is a POST so the secret never appears in an address, a log or the
/// browser history; the download forms carry a short-lived pass (<see cref="TrackingPass"/>) instead of the secret.
/// </summary>
public sealed class TrackModel(TrackRequest track, ApplicantLetters letters, IStringLocalizer<SharedResource> L) : TrackPage(track, letters, L);

/// <summary>
/// The tracking page's model in both languages (/requests/track and /en/requests/track): the same use cases, the same
/// pass, the same refusals; the texts come from the localiser in the page's language.
/// </summary>
public abstract class TrackPage(TrackRequest track, ApplicantLetters letters, IStringLocalizer<SharedResource> L) : PageModel
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

    /// <summary>Downloads a reply letter: with the page's pass, or the number and 查询码 posted again.</summary>
    public async Task<IActionResult> OnPostLetterAsync(string? pass, Guid letter, CancellationToken ct)
    {
        if (await letters.OpenAsync(pass, TrackingNumber, Secret, letter, ct) is { } file)
        {
            Response.Headers.CacheControl = "no-store";
            return File(file.Content, "application/pdf", file.Letter.FileName);
        }

        return NotDownloaded();
    }

    /// <summary>Downloads a file the delivered reply released (公开的政府信息), proven the same way as a letter.</summary>
    public async Task<IActionResult> OnPostReleasedAsync(string? pass, Guid file, CancellationToken ct)
    {
        if (await letters.OpenReleasedAsync(pass, TrackingNumber, Secret, file, ct) is { } found)
        {
            Response.Headers.CacheControl = "no-store";
            return File(found.Content, found.File.ContentType, found.File.FileName);
        }

        return NotDownloaded();
    }

    /// <summary>Expired or forged pass, wrong number or 查询码, not delivered, no such file: the same answer, nothing revealed.</summary>
    private PageResult NotDownloaded()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        ModelState.AddModelError(string.Empty, L["未能下载：查询已过期或受理编号、查询码不正确，请重新查询后再下载。"]);
        TrackingNumber = null;
        return Page();
    }
}
