using Gongkai.Platform.Data;
using Gongkai.Policy.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Policy;

/// <summary>The module's tables, reached through the platform's one DbContext without Platform knowing them.</summary>
public static class PolicyData
{
    extension(GongkaiDb db)
    {
        public DbSet<Consultation> Consultations => db.Set<Consultation>();
        public DbSet<ConsultationComment> ConsultationComments => db.Set<ConsultationComment>();
        public DbSet<DraftVersion> DraftVersions => db.Set<DraftVersion>();
    }
}
