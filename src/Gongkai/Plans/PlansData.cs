using Gongkai.Plans.Ledger;
using Gongkai.Plans.Reminders;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans;

/// <summary>The module's tables, reached through the platform's one DbContext without Platform knowing them.</summary>
public static class PlansData
{
    extension(GongkaiDb db)
    {
        public DbSet<WorkPlan> WorkPlans => db.Set<WorkPlan>();
        public DbSet<PlanTask> PlanTasks => db.Set<PlanTask>();
        public DbSet<PlanTaskOrgan> PlanTaskOrgans => db.Set<PlanTaskOrgan>();
        public DbSet<PlanProgress> PlanProgress => db.Set<PlanProgress>();
        public DbSet<PlanComment> PlanComments => db.Set<PlanComment>();
        public DbSet<PlanUnitMapping> PlanUnitMappings => db.Set<PlanUnitMapping>();
        public DbSet<PlanReminder> PlanReminders => db.Set<PlanReminder>();
    }
}
