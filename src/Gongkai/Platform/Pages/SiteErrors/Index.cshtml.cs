using Gongkai.Platform.SiteErrors;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Platform.Pages.SiteErrors;

/// <summary>我为政府网站找错: the public form (CSRF, rate-limited with the other public forms); every problem shown at once, nothing typed lost.</summary>
public sealed class IndexModel(ReportSiteError report) : PageModel
{
    [BindProperty]
    public SiteErrorInput Input { get; set; } = new();

    /// <summary>The receipt number of the message just received (shown once, on the answer to the POST).</summary>
    public string? Receipt { get; private set; }

    public void OnGet([FromQuery(Name = "page")] string? page)
    {
        // A "report an error on this page" link carries the page's address.
        if (page is { Length: > 0 and <= SiteErrorReport.PageMax } && page.StartsWith('/') && !page.StartsWith("//", StringComparison.Ordinal))
        {
            Input.PageUrl = page;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        SiteErrorReport? saved = null;
        if (!await this.TryAsync(async () => saved = await report.HandleAsync(Input, ct)))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Receipt = saved!.ReceiptNumber;
        Input = new();
        ModelState.Clear();
        return Page();
    }
}
