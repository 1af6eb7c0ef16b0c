using Gongkai.Plans.Ledger;
using Gongkai.Plans.Reminders;
using Gongkai.Platform.Caching;

namespace Gongkai.Plans;

/// <summary>What of 工作要点 the public pages show (docs/ARCHITECTURE.md §Public page cache).</summary>
internal static class PlansContent
{
    public static IServiceCollection AddPlansContent(this IServiceCollection services) => services
        .AddPublicContent([ContentTags.Plans], typeof(WorkPlan), typeof(PlanTask), typeof(PlanTaskOrgan), typeof(PlanProgress), typeof(PlanComment),
            typeof(PlanUnitMapping))
        .AddPrivateContent(typeof(PlanReminder));
}
