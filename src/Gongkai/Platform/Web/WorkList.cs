using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Web;

/// <summary>
/// One figure on the staff work list (工作台), counted within what the viewer may see. Each module
/// registers its own with <see cref="WorkList.AddWorkListItem"/>; the page shows whichever the viewer can use.
/// </summary>
public sealed record WorkListItem(string Title, string Href, int Order, Func<IServiceProvider, CancellationToken, Task<int?>> Count);

public static class WorkList
{
    public static IServiceCollection AddWorkListItem(this IServiceCollection services, WorkListItem item) =>
        services.AddSingleton(item);

    internal static IServiceCollection AddPlatformWorkList(this IServiceCollection services) => services
        .AddWorkListItem(new("组织机构", "/admin/organs", 10, async (sp, ct) =>
        {
            var scope = await sp.GetRequiredService<StaffAccess>().ScopeAsync(StaffRole.SystemAdministrator, StaffRole.OpennessOffice, StaffRole.DepartmentAdministrator);
            if (scope.IsEmpty)
            {
                return null;
            }

            return await sp.GetRequiredService<GongkaiDb>().Organs.Within(scope, o => o.Id).CountAsync(ct);
        }))
        .AddWorkListItem(new("工作人员", "/admin/staff", 20, async (sp, ct) =>
        {
            var scope = await sp.GetRequiredService<StaffAdministration>().ScopeAsync();
            if (scope.IsEmpty)
            {
                return null;
            }

            var ids = scope.OrganIds.ToList();
            return await sp.GetRequiredService<GongkaiDb>().Users.CountAsync(u => scope.All || (u.OrganId != null && ids.Contains(u.OrganId.Value)), ct);
        }))
        .AddWorkListItem(new("今日审计事件", "/admin/audit", 30, async (sp, ct) =>
        {
            var scope = await sp.GetRequiredService<StaffAccess>().ScopeAsync(AuditQuery.Readers);
            if (scope.IsEmpty)
            {
                return null;
            }

            var today = ChineseDates.Today(sp.GetRequiredService<TimeProvider>());
            return await AuditQuery.Filter(sp.GetRequiredService<GongkaiDb>().AuditEvents, scope, new AuditFilter { From = today }).CountAsync(ct);
        }))
        .AddWorkListItem(new("已载入节假日安排的年份", "/admin/calendar", 40, async (sp, ct) =>
            (await sp.GetRequiredService<CalendarStore>().GetAsync(ct)).Years.Count));
}
