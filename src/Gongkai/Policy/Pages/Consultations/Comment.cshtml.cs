using System.Security.Cryptography;
using Gongkai.Platform.Web;
using Gongkai.Policy.Consultations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Gongkai.Policy.Pages.Consultations;

/// <summary>
/// The comment form, on the whole draft or on one article. A hidden submission key makes a double click file once;
/// the answer is the receipt number. The form is refused after closing with the closing time.
/// </summary>
public sealed class CommentModel(ConsultationQueries queries, SubmitComment submit, IOptions<ConsultationOptions> options) : PageModel
{
    [BindProperty]
    public CommentInput Input { get; set; } = new();

    public ConsultationQueries.Detail View { get; private set; } = null!;
    public DraftArticle? Article { get; private set; }
    public int VersionNumber { get; private set; }
    public CommentReceipt? Receipt { get; private set; }
    public int MaxLength => options.Value.MaxCommentLength;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? article, CancellationToken ct)
    {
        if (!await LoadAsync(id, article, ct))
        {
            return NotFound();
        }

        Input = new CommentInput { ArticleId = Article?.Id, VersionNumber = VersionNumber, SubmissionKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) };
        return Page();
    }

    /// <summary>The receipt shown again to the browser that commented (e.g. after switching to 长者模式).</summary>
    public async Task<IActionResult> OnGetReceiptAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, ct))
        {
            return NotFound();
        }

        try
        {
            Receipt = KeptReceipt.Read(HttpContext, ReceiptKind) is { } json ? System.Text.Json.JsonSerializer.Deserialize<CommentReceipt>(json) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            Receipt = null;
        }

        if (Receipt is null)
        {
            return RedirectToPage(new { id });
        }

        KeptReceipt.NoStore(HttpContext);
        return Page();
    }

    public static string ReceiptUrl(Guid id) => $"/consultations/{id}/comment?handler=receipt";

    private const string ReceiptKind = "comment";

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, Input.ArticleId, ct))
        {
            return NotFound();
        }

        try
        {
            if (await this.TryAsync(async () => Receipt = await submit.OnlineAsync(id, Input, CommentChannel.Online, ct)) && Receipt is { } kept)
            {
                KeptReceipt.Keep(HttpContext, ReceiptKind, System.Text.Json.JsonSerializer.Serialize(kept with { Repeated = true }), "/consultations");
                KeptReceipt.NoStore(HttpContext);
            }
        }
        catch (SubmitComment.NotFound)
        {
            return NotFound();
        }
        catch (CommentIntake.Busy busy)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "1";
            ModelState.AddModelError("", busy.Message);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, Guid? article, CancellationToken ct)
    {
        var view = await queries.PublicDetailAsync(id, ct);
        if (view is null)
        {
            return false;
        }

        View = view;
        VersionNumber = view.Consultation.CurrentVersion;
        if (article is { } a)
        {
            var version = view.Versions.FirstOrDefault(v => v.Articles.Any(x => x.Id == a));
            Article = version?.Articles.First(x => x.Id == a);
            if (version is null)
            {
                return false;
            }

            VersionNumber = version.Number;
        }

        return true;
    }
}
