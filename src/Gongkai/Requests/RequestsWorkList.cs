using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Requests.Handling;
using Gongkai.Requests.Sweep;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>The staff work list: open requests, today's due-soon and overdue lists from the daily sweep, and pending due dates.</summary>
internal static class RequestsWorkList
{
    public static IServiceCollection AddRequestsWorkList(this IServiceCollection services) => services
        .AddWorkListItem(new("办理中的政府信息公开申请", "/admin/requests", 70, (sp, ct) =>
            CountAsync(sp, (cases, scope, _) => cases.Open(scope).CountAsync(ct))))
        .AddWorkListItem(new("即将到期的申请（今日提醒）", "/admin/requests?list=DueSoon", 71, (sp, ct) =>
            CountAsync(sp, (cases, scope, today) => cases.OnReminderList(scope, ReminderKind.DueSoon, today).CountAsync(ct))))
        .AddWorkListItem(new("今日逾期清单", "/admin/requests?list=Overdue", 72, (sp, ct) =>
            CountAsync(sp, (cases, scope, today) => cases.OnReminderList(scope, ReminderKind.Overdue, today).CountAsync(ct))))
        .AddWorkListItem(new("答复期限待定的申请（待载入下一年度节假日安排）", "/admin/requests?pending=true", 73, (sp, ct) =>
            CountAsync(sp, (cases, scope, _) => cases.DuePending(scope).CountAsync(ct))));

    private static async Task<int?> CountAsync(IServiceProvider sp, Func<RequestCases, OrganScope, DateOnly, Task<int>> count)
    {
        var cases = sp.GetRequiredService<RequestCases>();
        var scope = await cases.ScopeAsync();
        return scope.IsEmpty ? null : await count(cases, scope, ChineseDates.Today(sp.GetRequiredService<TimeProvider>()));
    }
}
