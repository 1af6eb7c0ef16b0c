using Gongkai.Platform.Web;
using Gongkai.Policy.Consultations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Policy.Pages.Consultations;

/// <summary>意见征集: open (and upcoming), closed awaiting feedback, and concluded consultations.</summary>
public sealed class IndexModel(ConsultationQueries queries) : PageModel
{
    public string Tab { get; private set; } = "open";
    public IReadOnlyList<ConsultationQueries.Summary> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(string? state, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        Tab = state is "awaiting-feedback" or "concluded" ? state : "open";
        var tab = Tab switch
        {
            "awaiting-feedback" => ConsultationState.AwaitingFeedback,
            "concluded" => ConsultationState.Concluded,
            _ => ConsultationState.Open,
        };
        var p = Math.Max(1, page ?? 1);
        var (items, total) = await queries.PublicListAsync(tab, p, ct);
        Items = items;
        Pager = new Pager(p, Math.Max(1, (total + ConsultationQueries.PageSize - 1) / ConsultationQueries.PageSize), n => $"/consultations?state={Tab}&page={n}");
    }
}
