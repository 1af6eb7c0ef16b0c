using Gongkai.Platform.Caching;
using Gongkai.Policy.Consultations;
using Gongkai.Policy.Evaluations;
using Gongkai.Policy.Interpretations;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Policy;

/// <summary>What of 政策解读, 意见征集 and 政策评价 the public pages show (docs/ARCHITECTURE.md §Public page cache).</summary>
internal static class PolicyContent
{
    public static IServiceCollection AddPolicyContent(this IServiceCollection services) => services
        .AddPublicContent([ContentTags.Policy], typeof(Consultation), typeof(ConsultationBasis), typeof(DraftVersion), typeof(DraftArticle),
            typeof(Interpretation), typeof(InterpretedPolicy), typeof(QuestionAnswer), typeof(PolicyEvaluation))
        // An upload shows on a public page only through its interpretation's text, saved (and counted) on its own.
        .AddPrivateContent(typeof(InterpretationAsset))
        // A comment is public once moderation publishes it; one received and waiting changes no public page.
        .AddPublicContent<ConsultationComment>([ContentTags.Policy], e => e.Entity.Moderation == ModerationStatus.Published
            || (e.State is EntityState.Modified or EntityState.Deleted && e.Property(c => c.Moderation).OriginalValue == ModerationStatus.Published))
        .AddPrivateContent(typeof(AnswerTemplate), typeof(InterpretationRequirement));
}
