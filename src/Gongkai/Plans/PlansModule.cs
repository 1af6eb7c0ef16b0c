using Gongkai.Plans.Ledger;
using Gongkai.Plans.Reminders;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Audit;

namespace Gongkai.Plans;

/// <summary>工作要点: work plans read from documents into a task ledger, followed by organs, shown to the public, scored.</summary>
public static class PlansModule
{
    public static WebApplicationBuilder AddPlansModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPlansContent(); // what its public pages show (Platform/Caching)
        services.AddScoped<PlanImport>();
        services.AddScoped<PlanWork>();
        services.AddScoped<PlanLedger>();
        services.AddScoped<PlanScores>();
        services.Configure<ScoreWeights>(builder.Configuration.GetSection("Plans:Scoring"));
        services.AddScoped<PlanReminderPass>();
        services.AddScoped<PlanReminderList>();
        services.AddSingleton<PlanReminderService>();
        services.AddDailyJob<PlanReminderJob>(automatic: builder.Configuration.GetValue("Plans:DailyReminders", true));

        PlanReminderList.AddPlanWorkList(services);
        services.AddAuditActions("工作要点", typeof(PlanAuditActions));
        // issue 16: the module's portal column (Platform/Portal).
        services.AddSingleton(new Platform.Portal.PortalColumn("重点工作落实情况", "/plans", Platform.Portal.PortalGroup.Work, 10, "年度政务公开工作要点等重点工作的任务分工和落实进展。", "信息发布"));
        return builder;
    }

    public static WebApplication MapPlansModule(this WebApplication app)
    {
        app.MapPlansApi();
        return app;
    }
}
