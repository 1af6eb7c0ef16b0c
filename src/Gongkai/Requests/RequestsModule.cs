using Gongkai.Platform.Audit;
using Gongkai.Requests.Appeals;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Fees;
using Gongkai.Requests.Handling;
using Gongkai.Requests.Intake;
using Gongkai.Requests.Letters;
using Gongkai.Requests.Sweep;

namespace Gongkai.Requests;

/// <summary>依申请公开: intake by every channel, the statutory reply clock, handling and review, the daily sweep, tracking by the applicant, letters, fees, appeals.</summary>
public static class RequestsModule
{
    public static WebApplicationBuilder AddRequestsModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRequestsContent(); // what its public pages show (Platform/Caching)
        services.AddSingleton<ApplicantProtector>();
        foreach (var column in new[] { nameof(DisclosureRequest.IdNumberProtected), nameof(DisclosureRequest.PhoneProtected),
                     nameof(DisclosureRequest.AddressProtected), nameof(DisclosureRequest.EmailProtected), nameof(DisclosureRequest.SecretProtected) })
        {
            services.AddSingleton(new Platform.Keys.ProtectedColumn(typeof(DisclosureRequest), column, ApplicantProtector.Purpose));
        }

        services.AddSingleton<RequestClock>();
        services.AddScoped<TrackingNumbers>();
        services.AddScoped<RequestQueue>();
        services.AddSingleton<TrackingCounters>();
        services.AddScoped<RequestFiling>();
        services.AddScoped<SubmitOnline>();
        services.AddScoped<RegisterRequest>();
        services.AddScoped<TrackRequest>();
        services.AddScoped<ViewApplicant>();
        services.AddScoped<RecordClockEvent>();
        services.Configure<AppealRightsOptions>(builder.Configuration.GetSection("Letters"));
        services.AddScoped<LetterTemplates>();
        services.AddScoped<SaveLetterTemplate>();
        services.AddScoped<ProduceLetter>();
        services.AddScoped<IssueFeeNotice>();
        services.AddScoped<RecordFeePayment>();
        services.AddFeePaymentDeadlines();
        services.AddScoped<RecordAppeal>();
        services.AddScoped<Handling.RegisterReceived>();
        services.AddScoped<Handling.AssignHandler>();
        services.AddScoped<Handling.TransferRequest>();
        services.AddScoped<Handling.ProposeReply>();
        services.AddScoped<Handling.ReviewReply>();
        services.AddScoped<Handling.DeliverReply>();
        services.AddScoped<Handling.RequestCases>();
        services.AddScoped<Insight.FindIdenticalRequests>();
        services.AddRequestSweep(builder.Configuration);
        services.AddRequestsWorkList();
        services.AddAuditActions("依申请公开", typeof(RequestAuditActions));
        return builder;
    }

    public static WebApplication MapRequestsModule(this WebApplication app)
    {
        app.MapRequestsApi();
        app.MapAppealsApi();
        app.MapRequestsAdminApi();
        return app;
    }
}
