using Gongkai.Platform.Web;
using Gongkai.Policy.Interpretations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Policy.Pages.Interpretations;

/// <summary>政策解读: published interpretations, searchable (titles, main content, key terms and every Q&amp;A pair).</summary>
public sealed class IndexModel(InterpretationQueries queries) : PageModel
{
    public string? Q { get; private set; }
    public IReadOnlyList<InterpretationQueries.Item> Items { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(string? q, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        Q = q?.Trim();
        var p = Math.Max(1, page ?? 1);
        (Items, Total) = await queries.PublicAsync(Q, p, ct);
        Pager = new Pager(p, Math.Max(1, (Total + InterpretationQueries.PageSize - 1) / InterpretationQueries.PageSize),
            n => $"/interpretations?q={Uri.EscapeDataString(Q ?? "")}&page={n}");
    }
}
