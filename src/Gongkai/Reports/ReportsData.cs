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
    }
}
