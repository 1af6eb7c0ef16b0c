using Gongkai.Platform;
using Gongkai.Platform.Staff;
using Gongkai.Policy.Consultations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Policy.Pages.Admin.Consultations;

/// <summary>
/// The consultations the staff member may see, with what waits (moderation, answers) and the office's list of feedback
/// reports overdue or published late (<c>?late=true</c>).
/// </summary>
public sealed class IndexModel(ConsultationQueries queries, StaffAccess access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(ConsultationQueries.Summary Item, int Pending, int Unanswered, int Received)> Rows { get; private set; } = [];
    public bool LateOnly { get; private set; }
    public bool CanCreate { get; private set; }
    public DateOnly Today { get; private set; }

    public static bool IsLate(ConsultationQueries.Summary s, DateOnly today) =>
        s.FeedbackDueOn is { } due && (s.FeedbackPublishedAt is { } at ? ChineseDates.LocalDay(at) > due : s.AnnouncedAt is not null && today > due);

    public async Task OnGetAsync(bool? late, CancellationToken ct)
    {
        Today = ChineseDates.Today(clock);
        LateOnly = late == true;
        var rows = await queries.StaffListAsync(ct);
        Rows = LateOnly ? rows.Where(r => IsLate(r.Item, Today)).ToList() : rows;
        CanCreate = !(await access.ScopeAsync(ConsultationAccess.Editors)).IsEmpty;
    }
}
