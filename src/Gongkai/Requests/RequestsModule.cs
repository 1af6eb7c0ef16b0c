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
        // issue 16: the applicant's notifications and the letter on the tracking page
        services.AddScoped<Notices.ApplicantNotices>();
        services.AddSingleton<Intake.Tracking.TrackingPass>();
        services.AddScoped<Intake.Tracking.ApplicantLetters>();
        services.AddScoped<ReleasedFiles>();
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
        // issue 16: the module's portal columns (Platform/Portal).
        services.AddSingleton(new Platform.Portal.PortalColumn("依申请公开", "/requests/new", Platform.Portal.PortalGroup.Disclosure, 70, "在线提交政府信息公开申请。", "政府信息公开", InNav: true) { Covers = ["/requests"] });
        services.AddSingleton(new Platform.Portal.PortalColumn("申请进度查询", "/requests/track", Platform.Portal.PortalGroup.Disclosure, 75, "凭申请编号和查询码查询办理进度。", "政府信息公开"));
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
