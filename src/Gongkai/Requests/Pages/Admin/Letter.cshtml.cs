using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Requests;
using Gongkai.Requests.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Requests.Pages.Admin;

/// <summary>Fills a letter (reply, 补正, extension, fee, third-party consultation) for a request: preview, PDF, DOCX.</summary>
public sealed class LetterModel(Gongkai.Requests.Handling.RequestCases cases, ProduceLetter produce) : PageModel
{
    public DisclosureRequest Case { get; private set; } = null!;
    public ProducedLetter? Preview { get; private set; }

    [BindProperty]
    public LetterInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, LetterKind? kind, CancellationToken ct)
    {
        if (await cases.FindAsync(id, ct) is not { } request)
        {
            return NotFound();
        }

        Case = request;
        // A reply starts from the recorded (or proposed) reply: the letter the reviewer approved.
        var replied = (request.Outcome ?? request.ProposedOutcome) is not null;
        Input = (kind is null or LetterKind.Reply) && replied ? LetterInput.ForReply(request) : new LetterInput { Kind = kind };
        return Page();
    }

    /// <summary><paramref name="format"/>: preview (default), pdf or docx.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, string? format, CancellationToken ct)
    {
        if (await cases.FindAsync(id, ct) is not { } request)
        {
            return NotFound();
        }

        Case = request;
        var wanted = format?.ToLowerInvariant() switch
        {
            "pdf" => LetterFormat.Pdf,
            "docx" => LetterFormat.Docx,
            _ => (LetterFormat?)null,
        };
        if (wanted is { } f)
        {
            (ProducedLetter Letter, byte[] Content)? file = null;
            if (await this.TryAsync(async () => file = await produce.DownloadAsync(request, Input, f, ct)) && file is { } done)
            {
                return File(done.Content, f == LetterFormat.Pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", done.Letter.FileName(f));
            }
        }
        else
        {
            await this.TryAsync(async () => Preview = await produce.PreviewAsync(request, Input, ct));
        }

        return Page();
    }
}
