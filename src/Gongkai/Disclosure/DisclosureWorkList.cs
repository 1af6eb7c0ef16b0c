using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure;

internal static class DisclosureWorkList
{
    public static IServiceCollection AddDisclosureWorkList(this IServiceCollection services) => services
        .AddWorkListItem(new("待审核的信息", "/admin/documents?status=Submitted", 50, (sp, ct) => CountAsync(sp, DocumentAccess.Reviewers, DocumentStatus.Submitted, ct)))
        .AddWorkListItem(new("我的草稿和退回", "/admin/documents?status=Draft", 51, (sp, ct) => CountAsync(sp, DocumentAccess.Editors, DocumentStatus.Draft, ct)))
        .AddWorkListItem(new("待发布的信息", "/admin/documents?status=Reviewed", 52, (sp, ct) => CountAsync(sp, DocumentAccess.Publishers, DocumentStatus.Reviewed, ct)))
        .AddWorkListItem(new("已超过公开期限未发布", "/admin/documents?overdue=true", 53, async (sp, ct) =>
        {
            var scope = await sp.GetRequiredService<StaffAccess>().ScopeAsync(DocumentAccess.Editors);
            if (scope.IsEmpty)
            {
                return null;
            }

            var today = ChineseDates.Today(sp.GetRequiredService<TimeProvider>());
            return await sp.GetRequiredService<GongkaiDb>().Documents.Within(scope, d => d.OrganId).CountAsync(d =>
                d.Attribute == DisclosureAttribute.Proactive
                && d.Status != DocumentStatus.Published && d.Status != DocumentStatus.Withdrawn && d.PublishDueOn < today, ct);
        }))
        .AddWorkListItem(new("未发布公开指南的单位", "/admin/guide", 60, async (sp, ct) =>
        {
            var scope = await sp.GetRequiredService<Guide.Guides>().EditableScopeAsync();
            if (scope.IsEmpty)
            {
                return null;
            }

            var db = sp.GetRequiredService<GongkaiDb>();
            var guides = db.OpennessGuides;
            return await db.Organs.Within(scope, o => o.Id).CountAsync(o => o.IsActive && !guides.Any(g => g.OrganId == o.Id), ct);
        }));

    private static async Task<int?> CountAsync(IServiceProvider sp, StaffRole[] roles, DocumentStatus status, CancellationToken ct)
    {
        var scope = await sp.GetRequiredService<StaffAccess>().ScopeAsync(roles);
        if (scope.IsEmpty)
        {
            return null;
        }

        return await sp.GetRequiredService<GongkaiDb>().Documents.Within(scope, d => d.OrganId).CountAsync(d => d.Status == status, ct);
    }
}
