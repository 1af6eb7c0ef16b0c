using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Reports.Annual;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Deadlines;

/// <summary>The staff work list: today's annual-report reminders of the organs the viewer edits reports for, and the late ones.</summary>
internal static class ReportsWorkList
{
    public static IServiceCollection AddReportsWorkList(this IServiceCollection services) => services
        .AddWorkListItem(new("年度报告待发布（今日提醒）", "/admin/reports?status=due", 80, (sp, ct) => CountAsync(sp, ReportReminderKind.Due, ct)))
        .AddWorkListItem(new("逾期未发布的年度报告", "/admin/reports?status=late", 81, (sp, ct) => CountAsync(sp, ReportReminderKind.Overdue, ct)));

    private static async Task<int?> CountAsync(IServiceProvider sp, ReportReminderKind kind, CancellationToken ct)
    {
        var scope = await sp.GetRequiredService<StaffAccess>().ScopeAsync(ReportAccess.Editors);
        if (scope.IsEmpty)
        {
            return null;
        }

        var today = ChineseDates.Today(sp.GetRequiredService<TimeProvider>());
        var db = sp.GetRequiredService<GongkaiDb>();
        var published = db.AnnualReports.Where(r => r.Year == today.Year - 1 && r.Status == ReportStatus.Published).Select(r => r.OrganId);
        // Today's list, less what was published since it was written.
        return await db.Set<ReportReminder>().Within(scope, r => r.OrganId).CountAsync(r => r.On == today && r.Kind == kind && !published.Contains(r.OrganId), ct);
    }
}
