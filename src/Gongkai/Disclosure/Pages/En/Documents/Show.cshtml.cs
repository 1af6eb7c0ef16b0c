using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Gongkai.Disclosure.Pages.En.Documents;

/// <summary>
/// A document in English (/en/documents/{id}): its English title and summary, the facts of its metadata block, and a
/// link to the full Chinese text, which is authoritative. 404 for a document without an English title, a withdrawn one,
/// a draft or one that is not 主动公开 — the same rule as the Chinese page, through the same cached <see cref="DocumentPages"/>.
/// </summary>
public sealed class ShowModel(EnglishDocuments english, IOptions<SiteOptions> site) : PageModel
{
    public DocumentPages.View View { get; private set; } = null!;

    public GovDocument Doc => View.Document;

    public string AbsoluteUrl => site.Value.Portal + Request.Path;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await english.GetAsync(id, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
