using Gongkai.Platform.Caching;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Deadlines;
using Gongkai.Reports.Publishing;

namespace Gongkai.Reports;

/// <summary>What of 年度报告 the public pages show (docs/ARCHITECTURE.md §Public page cache); a published report is also a document.</summary>
internal static class ReportsContent
{
    public static IServiceCollection AddReportsContent(this IServiceCollection services) => services
        .AddPublicContent([ContentTags.Reports], typeof(AnnualReport), typeof(ReportPublication))
        .AddPrivateContent(typeof(ReportReminder));
}
