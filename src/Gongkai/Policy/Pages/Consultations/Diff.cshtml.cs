using Gongkai.Policy.Consultations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Policy.Pages.Consultations;

/// <summary>What changed between two versions of the draft, article by article.</summary>
public sealed class DiffModel(ConsultationQueries queries) : PageModel
{
    public ConsultationQueries.Detail View { get; private set; } = null!;
    public DraftVersion From { get; private set; } = null!;
    public DraftVersion To { get; private set; } = null!;
    public IReadOnlyList<ArticleDiff> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int? from, int? to, CancellationToken ct)
    {
        var view = await queries.PublicDetailAsync(id, ct);
        var older = view?.Versions.FirstOrDefault(v => v.Number == from);
        var newer = view?.Versions.FirstOrDefault(v => v.Number == to);
        if (view is null || older is null || newer is null)
        {
            return NotFound();
        }

        (View, From, To) = (view, older, newer);
        Changes = DraftDiff.Compare(older.Articles, newer.Articles);
        return Page();
    }
}
