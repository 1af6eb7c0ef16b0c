using Gongkai.Platform.Jobs;
using Gongkai.Platform.Audit;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Deadlines;
using Gongkai.Reports.Statistics;

namespace Gongkai.Reports;

/// <summary>年度报告 and request statistics: counted from the records of 主动公开 and 依申请公开, reconciled, explained.</summary>
public static class ReportsModule
{
    public static WebApplicationBuilder AddReportsModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddReportsContent(); // what its public pages show (Platform/Caching)
        services.AddScoped<RequestStatistics>();
        services.AddScoped<ComputeAnnualReport>();
        services.AddScoped<RequestStatisticsByOrgan>();
        services.AddScoped<ComputeAllAnnualReports>();
        services.AddScoped<Legacy.LegacyReports>();
        services.AddScoped<EditAnnualReport>();
        services.AddScoped<Legacy.ImportReport>();
        services.AddScoped<Imports.ImportPublishedReport>();
        services.AddSingleton<ReportPdf>();
        services.AddSingleton<ReportFiles>();
        services.AddScoped<Rollup.DistrictReport>();
        services.AddScoped<Rollup.AnnualReports>();
        services.AddScoped<Publishing.PublishAnnualReport>();
        services.AddScoped<Records.TableRecords>();
        services.AddScoped<ReportReminderSweep>();
        services.AddDailyJob<ReportReminderJob>(automatic: builder.Configuration.GetValue("Reports:DailyReminders", true));

        services.AddReportsWorkList();
        services.AddAuditActions("年度报告", typeof(ReportAuditActions));
        return builder;
    }

    public static WebApplication MapReportsModule(this WebApplication app) => app;
}
