using System.Globalization;
using Gongkai.Plans;
using Gongkai.Plans.Ledger;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Plans.Pages;

/// <summary>
/// What the staff ledger and the public progress page of a plan share: the plan, one page of its tasks, the summary,
/// the organ / standing / words filters and the pager.
/// </summary>
public abstract class PlanTasksPage : PageModel
{
    public WorkPlan Plan { get; protected set; } = null!;
    public LedgerPage Result { get; protected set; } = new([], 0, 1, PlanLedger.PageSize);
    public List<LedgerRow> Rows => Result.Rows;
    public LedgerSummary Summary { get; protected set; } = new(0, 0, 0, 0);
    public List<Organ> Organs { get; protected set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Organ { get; set; }

    [BindProperty(SupportsGet = true)]
    public TaskStanding? Standing { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The page asked for ("page" is a route value in Razor Pages, so it is read from the query).</summary>
    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    public int CurrentPage => int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;

    public Pager Pager => new(Result.Page, Result.PageCount, n => QueryLinks.With(Request, ("page", n == 1 ? null : n.ToString(CultureInfo.InvariantCulture))));
}
