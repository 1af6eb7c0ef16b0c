using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Gongkai.Reports;
using Gongkai.Reports.Annual;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Pages.Admin;

/// <summary>Every organ's annual report for a year with its status (草稿、已核对、已发布、逾期), within the viewer's scope.</summary>
public sealed class IndexModel(GongkaiDb db, StaffAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Only the reports in one state: draft, checked, published, late, missing (未编制), or due (today's reminders).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public static IReadOnlyList<(string Key, string Label)> Filters { get; } =
        [("late", "逾期"), ("draft", "草稿"), ("checked", "已核对"), ("published", "已发布"), ("missing", "未编制"), ("due", "今日提醒")];

    /// <summary>How many reports are in each state (before the filter).</summary>
    public Dictionary<string, int> Counts { get; private set; } = [];

    /// <summary>Today's reminders (annual_report_reminders) by organ.</summary>
    public Dictionary<Guid, Gongkai.Reports.Deadlines.ReportReminder> Reminders { get; private set; } = [];

    public Guid? DistrictGovernmentId { get; private set; }

    public sealed record Row(Guid OrganId, string Code, string Name, OrganKind Kind, ReportStatus? Status, DateOnly Deadline, string StatusLabel, DateTimeOffset? PublishedAt)
    {
        /// <summary>Published after its deadline.</summary>
        public bool PublishedLate => PublishedAt is { } at && ChineseDates.LocalDay(at) > Deadline;
    }

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
        var organs = await db.Organs.AsNoTracking().Where(o => o.IsActive).Within(scope, o => o.Id).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.Year == Year).ToDictionaryAsync(r => r.OrganId, ct);
        Rows = organs.Select(o =>
        {
            var r = reports.GetValueOrDefault(o.Id);
            return new Row(o.Id, o.Code, o.ShortName, o.Kind, r?.Status, ReportDeadlines.For(o.Kind, Year.Value),
                ReportDeadlines.StatusLabel(r?.Status, o.Kind, Year.Value, today), r?.PublishedAt);
        }).ToList();
        Reminders = (await db.ReportReminders.AsNoTracking().Where(r => r.On == today && r.Year == Year).ToListAsync(ct))
            .Where(r => Rows.Any(x => x.OrganId == r.OrganId && x.Status != ReportStatus.Published)).ToDictionary(r => r.OrganId);
        DistrictGovernmentId = organs.FirstOrDefault(o => o.Kind == OrganKind.DistrictGovernment)?.Id;
        string KeyOf(Row r) => r.StatusLabel switch { "逾期" => "late", "草稿" => "draft", "已核对" => "checked", "已发布" => "published", _ => "missing" };
        Counts = Filters.ToDictionary(f => f.Key, f => f.Key == "due" ? Reminders.Count : Rows.Count(r => KeyOf(r) == f.Key));
        if (Status is { Length: > 0 } wanted)
        {
            Rows = wanted == "due" ? Rows.Where(r => Reminders.ContainsKey(r.OrganId)).ToList() : Rows.Where(r => KeyOf(r) == wanted).ToList();
        }

        return Page();
    }
}
