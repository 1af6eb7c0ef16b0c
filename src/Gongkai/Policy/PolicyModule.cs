using Gongkai.Policy.Consultations;

namespace Gongkai.Policy;

/// <summary>政策: consultations (意见征集/重大决策预公开) with comments and published feedback.</summary>
public static class PolicyModule
{
    public static WebApplicationBuilder AddPolicyModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<ConsultationOptions>(builder.Configuration.GetSection("Policy:Consultations"));
        services.AddSingleton<CommenterProtector>();
        services.AddScoped<ManageConsultation>();
        services.AddScoped<SubmitComment>();
        services.AddScoped<ModerateComments>();
        services.AddScoped<AnswerComments>();
        services.AddScoped<FeedbackReports>();
        services.AddScoped<ConsultationQueries>();
        services.AddPolicyWorkList();
        return builder;
    }

    public static WebApplication MapPolicyModule(this WebApplication app)
    {
        app.MapConsultationsApi();
        app.MapConsultationFeeds();
        return app;
    }
}
