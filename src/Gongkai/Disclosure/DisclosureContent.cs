using Gongkai.Disclosure.Documents;
using Gongkai.Disclosure.Guide;
using Gongkai.Disclosure.Review;
using Gongkai.Platform.Caching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure;

/// <summary>What of 主动公开 the public pages show (docs/ARCHITECTURE.md §Public page cache).</summary>
internal static class DisclosureContent
{
    public static IServiceCollection AddDisclosureContent(this IServiceCollection services) => services
        // A draft, or a document under review, is not on the site: only a change to one that is or was public counts.
        .AddPublicContent<GovDocument>([ContentTags.Documents], e => e.Entity.IsPublic || WasPublic(e))
        .AddPublicContent([ContentTags.Documents], typeof(DocumentAttachment), typeof(DocumentRevision))
        .AddPublicContent([ContentTags.Guide], typeof(OpennessGuide))
        .AddPrivateContent(typeof(PrivacyFinding));

    private static bool WasPublic(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<GovDocument> e) =>
        e.State is EntityState.Modified or EntityState.Deleted
        && e.Property(d => d.Status).OriginalValue == DocumentStatus.Published
        && e.Property(d => d.Attribute).OriginalValue == DisclosureAttribute.Proactive;
}
