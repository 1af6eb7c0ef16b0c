using Gongkai.Platform.Data;
using Gongkai.Reports.Annual;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports;

/// <summary>The module's tables, reached through the platform's one DbContext without Platform knowing them.</summary>
public static class ReportsData
{
    extension(GongkaiDb db)
    {
        public DbSet<AnnualReport> AnnualReports => db.Set<AnnualReport>();
        public DbSet<Publishing.ReportPublication> ReportPublications => db.Set<Publishing.ReportPublication>();
        public DbSet<Deadlines.ReportReminder> ReportReminders => db.Set<Deadlines.ReportReminder>();
    }
}
