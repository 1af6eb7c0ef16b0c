using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Audit;
using Gongkai.Policy.Consultations;
using Gongkai.Policy.Interpretations;

namespace Gongkai.Policy;

/// <summary>政策: consultations (意见征集/重大决策预公开) with comments and published feedback; interpretations (政策解读) with 三同步.</summary>
public static class PolicyModule
{
    public static WebApplicationBuilder AddPolicyModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPolicyContent(); // what its public pages show (Platform/Caching)
        services.Configure<ConsultationOptions>(builder.Configuration.GetSection("Policy:Consultations"));
        services.AddSingleton<CommenterProtector>();
        services.AddSingleton(new Platform.Keys.ProtectedColumn(typeof(ConsultationComment), nameof(ConsultationComment.ContactProtected), CommenterProtector.Purpose));
        services.AddScoped<ManageConsultation>();
        services.AddSingleton<ConsultationSnapshots>();
        services.AddSingleton<CommentIntake>();
        services.AddHostedService(sp => sp.GetRequiredService<CommentIntake>());
        services.AddScoped<SubmitComment>();
        services.AddScoped<CommenterNotices>(); // issue 16: receipt and answer notifications
        services.AddScoped<ModerateComments>();
        services.AddScoped<AnswerComments>();
        services.AddScoped<FeedbackReports>();
        services.AddScoped<ConsultationQueries>();
        services.Configure<InterpretationOptions>(builder.Configuration.GetSection("Policy:Interpretations"));
        services.AddScoped<ManageInterpretation>();
        services.AddScoped<InterpretationQueries>();
        services.AddScoped<InterpretationAssets>(); // the editor's uploads (issue 16)
        services.AddScoped<Platform.Search.IIndexedRecords, RebuildInterpretationIndex>();
        services.AddScoped<IPublishCheck, InterpretationPublishCheck>();
        services.AddScoped<IDocumentRelations, PolicyDocumentRelations>();
        services.AddScoped<Evaluations.PolicyEvaluations>();
        services.AddPolicyWorkList();
        services.AddAuditActions("政策", typeof(PolicyAuditActions));
        // issue 16: the module's portal columns (Platform/Portal).
        services.AddSingleton(new Platform.Portal.PortalColumn("政策解读", "/interpretations", Platform.Portal.PortalGroup.Policy, 10, "本区政策文件的解读。", "解读回应", InNav: true));
        services.AddSingleton(new Platform.Portal.PortalColumn("政策评价", "/evaluations", Platform.Portal.PortalGroup.Policy, 20, "本区政策执行情况的年度评价。", "解读回应"));
        services.AddSingleton(new Platform.Portal.PortalColumn("意见征集", "/consultations", Platform.Portal.PortalGroup.Interaction, 10, "政策文件草案公开征求意见及意见采纳情况。", "互动交流", InNav: true));
        return builder;
    }

    public static WebApplication MapPolicyModule(this WebApplication app)
    {
        app.MapConsultationsApi();
        app.MapConsultationFeeds();
        app.MapInterpretationsApi();
        InterpretationAssets.Map(app);
        return app;
    }
}
