using Gongkai.Platform;
using Gongkai.Policy.Evaluations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Policy.Pages.Evaluations;

/// <summary>政策评价 published by the organs, by year.</summary>
public sealed class IndexModel(PolicyEvaluations evaluations, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<(PolicyEvaluation Evaluation, string Organ)> Items { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        Year = year is >= 2023 and <= 2100 ? year.Value : ChineseDates.Today(clock).Year;
        Items = await evaluations.YearAsync(Year, ct);
    }
}
