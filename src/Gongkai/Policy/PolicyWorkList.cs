using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Policy.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Policy;

internal static class PolicyWorkList
{
    public static IServiceCollection AddPolicyWorkList(this IServiceCollection services) => services
        .AddWorkListItem(new("待审核的征集意见", "/admin/consultations", 70, async (sp, ct) =>
        {
            var (db, scope) = await ScopeAsync(sp);
            if (scope.IsEmpty)
            {
                return null;
            }

            return await db.Set<ConsultationComment>().Where(x => x.Moderation == ModerationStatus.Pending)
                .Join(db.Set<Consultation>().Within(scope, c => c.OrganId), x => x.ConsultationId, c => c.Id, (x, c) => x.Id).CountAsync(ct);
        }))
        .AddWorkListItem(new("意见采纳情况逾期未公布", "/admin/consultations?late=true", 71, async (sp, ct) =>
        {
            var (db, scope) = await ScopeAsync(sp);
            if (scope.IsEmpty)
            {
                return null;
            }

            var today = ChineseDates.Today(sp.GetRequiredService<TimeProvider>());
            return await db.Set<Consultation>().Within(scope, c => c.OrganId).CountAsync(c => c.AnnouncedAt != null
                && c.FeedbackPublishedAt == null && c.FeedbackDueOn < today, ct);
        }));

    private static async Task<(GongkaiDb Db, OrganScope Scope)> ScopeAsync(IServiceProvider sp) =>
        (sp.GetRequiredService<GongkaiDb>(), await sp.GetRequiredService<StaffAccess>().ScopeAsync(ConsultationAccess.Editors));
}
