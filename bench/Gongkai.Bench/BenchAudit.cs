using Gongkai.Disclosure;
using Gongkai.Plans;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Policy;
using Gongkai.Reports;
using Gongkai.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Bench;

/// <summary>
/// The audit log as the application registers it (docs/ARCHITECTURE.md §The audit rule): the writer, the catalogue, and
/// every module's catalogued actions, for the benches that compose their own services instead of starting the app.
/// </summary>
internal static class BenchAudit
{
    public static IServiceCollection AddBenchAudit(this IServiceCollection services) => services
        .AddScoped<AuditLog>()
        .AddSingleton<AuditCatalogue>()
        .AddAuditActions("平台", typeof(PlatformAuditActions))
        .AddAuditActions("主动公开", typeof(DisclosureAuditActions))
        .AddAuditActions("依申请公开", typeof(RequestAuditActions))
        .AddAuditActions("年度报告", typeof(ReportAuditActions))
        .AddAuditActions("政策", typeof(PolicyAuditActions))
        .AddAuditActions("工作要点", typeof(PlanAuditActions));
}
