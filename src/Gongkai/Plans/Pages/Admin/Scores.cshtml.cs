using Gongkai.Plans.Ledger;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Plans.Pages.Admin;

/// <summary>Per-organ scores for a year, with the weights and the formula shown.</summary>
public sealed class ScoresModel(PlanScores scores, PlanWork work, PlanLedger ledger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public List<OrganScore> Rows { get; private set; } = [];
    public PlanScores Scores => scores;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if ((await work.ScopeAsync()).IsEmpty)
        {
            return NotFound();
        }

        Year ??= ledger.Today.Year;
        Rows = await scores.ForYearAsync(Year.Value, ct);
        return Page();
    }
}
