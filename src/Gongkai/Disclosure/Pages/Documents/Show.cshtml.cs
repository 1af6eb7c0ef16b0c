using Gongkai.Disclosure.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Gongkai.Platform.Web;
using Microsoft.Extensions.Options;

namespace Gongkai.Disclosure.Pages.Documents;

/// <summary>
/// The published document: the metadata block of Chinese government sites, a banner when it is 废止, 失效 or 已修改
/// (it stays reachable), the sanitised body and the attachments. Drafts, withdrawn and non-主动公开 documents are 404.
/// </summary>
public sealed class ShowModel(DocumentPages pages, IEnumerable<IDocumentRelations> relations, IOptions<SiteOptions> site) : PageModel
{
    public List<RelatedLink> Related { get; } = [];

    public DocumentPages.View View { get; private set; } = null!;

    public GovDocument Doc => View.Document;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await pages.GetAsync(id, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        foreach (var source in relations)
        {
            Related.AddRange(await source.ForAsync(id, ct));
        }

        return Page();
    }

    /// <summary>The canonical address, on the configured Site:BaseUrl (never the request's Host header).</summary>
    public string AbsoluteUrl => site.Value.Portal + Request.Path;

    /// <summary>The kind of file, from its stored content type.</summary>
    public static string Kind(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "application/msword" or "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Word",
        "application/vnd.ms-excel" or "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "Excel",
        _ when contentType.StartsWith("image/", StringComparison.Ordinal) => "图片",
        _ when contentType.StartsWith("text/", StringComparison.Ordinal) => "文本",
        _ => "文件",
    };
}
