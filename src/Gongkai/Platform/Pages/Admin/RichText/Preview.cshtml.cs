using Gongkai.Platform.RichText;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Platform.Pages.Admin.RichText;

/// <summary>
/// The editor's preview and paste cleaner: the body in its format through <see cref="RichTextHtml"/>, the sanitiser
/// every save and publication uses, so what is shown is exactly what will be published. Asked with
/// <c>Accept: application/json</c> by rich-editor.js; without JavaScript the same page is a form showing the result.
/// Changes nothing and records nothing.
/// </summary>
public sealed class PreviewModel : PageModel
{
    /// <summary>Longer bodies are refused by the save too (500,000 characters of text); 4 MB of markup is plenty.</summary>
    public const int MaxBodyLength = 4 * 1024 * 1024;

    [BindProperty(Name = "body")]
    public string? Body { get; set; }

    [BindProperty(Name = "format")]
    public string? Format { get; set; }

    public RichTextHtml.Clean? Result { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (Body is { Length: > MaxBodyLength })
        {
            return WantsJson ? BadRequest(new { error = "内容过长，无法预览。" }) : Page();
        }

        Result = RichTextHtml.FromInput(Body, Format);
        return WantsJson
            ? new JsonResult(new { html = Result.Html, text = Result.Text, droppedImages = Result.DroppedImages })
            : Page();
    }

    private bool WantsJson => Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
}
