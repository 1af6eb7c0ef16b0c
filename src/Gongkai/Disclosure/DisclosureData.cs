using Gongkai.Disclosure.Documents;
using Gongkai.Disclosure.Guide;
using Gongkai.Disclosure.Review;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure;

/// <summary>The module's tables, reached through the platform's one DbContext without Platform knowing them.</summary>
public static class DisclosureData
{
    extension(GongkaiDb db)
    {
        public DbSet<GovDocument> Documents => db.Set<GovDocument>();
        public DbSet<DocumentAttachment> DocumentAttachments => db.Set<DocumentAttachment>();
        public DbSet<DocumentRevision> DocumentRevisions => db.Set<DocumentRevision>();
        public DbSet<PrivacyFinding> PrivacyFindings => db.Set<PrivacyFinding>();
        public DbSet<OpennessGuide> OpennessGuides => db.Set<OpennessGuide>();
    }
}
