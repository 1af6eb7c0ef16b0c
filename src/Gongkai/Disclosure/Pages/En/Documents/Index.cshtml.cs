using System.Globalization;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Disclosure.Pages.En.Documents;

/// <summary>The English lists: /en/news (工作动态) and /en/documents (every other kind), only documents with an English title.</summary>
public abstract class EnglishListModel(EnglishDocuments english, bool news) : PageModel
{
    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    public EnglishDocuments.Page List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var number = int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : 1;
        List = await english.PageAsync(news, number, ct);
    }

    public Pager Pager => new(List.Number, List.PageCount, n => QueryLinks.With(Request, ("page", n == 1 ? null : n.ToString(CultureInfo.InvariantCulture))));
}

public sealed class IndexModel(EnglishDocuments english) : EnglishListModel(english, news: false);
