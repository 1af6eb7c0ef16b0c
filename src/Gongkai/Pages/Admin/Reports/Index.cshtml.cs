using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Gongkai.Reports;
using Gongkai.Reports.Annual;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Pages.Admin.Reports;

/// <summary>Every organ's annual report for a year with its status (草稿、已核对、已发布、逾期), within the viewer's scope.</summary>
public sealed class IndexModel(GongkaiDb db, StaffAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public sealed record Row(Guid OrganId, string Code, string Name, OrganKind Kind, ReportStatus? Status, DateOnly Deadline, string StatusLabel, DateTimeOffset? PublishedAt);

    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ReportAccess.Viewers);
        if (scope.IsEmpty)
        {
            return Forbid();
        }

        var today = ChineseDates.Today(clock);
        Year ??= today.Year - 1;
        var ids = scope.OrganIds.ToList();
        var organs = await db.Organs.AsNoTracking().Where(o => o.IsActive && (scope.All || ids.Contains(o.Id))).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.Year == Year).ToDictionaryAsync(r => r.OrganId, ct);
        Rows = organs.Select(o =>
        {
            var r = reports.GetValueOrDefault(o.Id);
            return new Row(o.Id, o.Code, o.ShortName, o.Kind, r?.Status, ReportDeadlines.For(o.Kind, Year.Value),
                ReportDeadlines.StatusLabel(r?.Status, o.Kind, Year.Value, today), r?.PublishedAt);
        }).ToList();
        return Page();
    }
}
