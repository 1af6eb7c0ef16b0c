using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

internal static class RequestsWorkList
{
    public static IServiceCollection AddRequestsWorkList(this IServiceCollection services) => services
        .AddWorkListItem(new("办理中的政府信息公开申请", "/admin/requests", 70, async (sp, ct) =>
        {
            var scope = await sp.GetRequiredService<StaffAccess>().ScopeAsync(RequestAccess.Handlers);
            if (scope.IsEmpty)
            {
                return null;
            }

            var ids = scope.OrganIds.ToList();
            return await sp.GetRequiredService<GongkaiDb>().DisclosureRequests
                .CountAsync(r => (scope.All || ids.Contains(r.OrganId)) && r.Stage != RequestStage.Closed, ct);
        }));
}
