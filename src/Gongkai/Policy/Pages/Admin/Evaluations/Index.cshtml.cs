using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Policy.Evaluations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Policy.Pages.Admin.Evaluations;

/// <summary>Publishes an organ's 政策评价 and shows the office which organs have none for the year.</summary>
public sealed class IndexModel(PolicyEvaluations evaluations, GongkaiDb db, StaffAccess access, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EvaluationInput Input { get; set; } = new();

    public int Year { get; private set; }
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public List<Organ> Organs { get; private set; } = [];
    public IReadOnlyList<(PolicyEvaluation Evaluation, string Organ)> Published { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        await LoadAsync(year, ct);
        Input.Year = Year;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(Input.Year, ct);
        if (!await this.TryAsync(() => evaluations.PublishAsync(Input, ct)))
        {
            return Page();
        }

        TempData["Message"] = "已发布政策评价。";
        return Redirect($"/admin/evaluations?year={Input.Year}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid evaluationId, string? withdrawalReason, int year, CancellationToken ct)
    {
        await LoadAsync(year, ct);
        if (!await this.TryAsync(() => evaluations.WithdrawAsync(evaluationId, withdrawalReason, ct), ""))
        {
            return Page();
        }

        TempData["Message"] = "已撤回政策评价。";
        return Redirect($"/admin/evaluations?year={Year}");
    }

    private async Task LoadAsync(int? year, CancellationToken ct)
    {
        Year = year is >= 2023 and <= 2100 ? year.Value : ChineseDates.Today(clock).Year;
        Missing = await evaluations.MissingAsync(Year, ct);
        Published = await evaluations.YearAsync(Year, ct);
        var scope = await access.ScopeAsync(DocumentAccess.Publishers);
        Organs = scope.IsEmpty ? [] : await db.Organs.AsNoTracking().Where(o => o.IsActive).Within(scope, o => o.Id).OrderBy(o => o.SortOrder).ToListAsync(ct);
    }
}
