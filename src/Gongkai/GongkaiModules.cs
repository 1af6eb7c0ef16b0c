using Gongkai.Disclosure;
using Gongkai.Plans;
using Gongkai.Platform;
using Gongkai.Reports;
using Gongkai.Policy;
using Gongkai.Requests;

namespace Gongkai;

/// <summary>Every module, in dependency order; the web server and the CLI compose the application the same way.</summary>
public static class GongkaiModules
{
    public static WebApplicationBuilder AddGongkaiModules(this WebApplicationBuilder builder) => builder
        .AddPlatformModule()
        .AddDisclosureModule()
        .AddRequestsModule()
        .AddReportsModule()
        .AddPolicyModule()
        .AddPlansModule();

    public static WebApplication MapGongkaiModules(this WebApplication app) => app
        .MapPlatformModule()
        .MapDisclosureModule()
        .MapRequestsModule()
        .MapReportsModule()
        .MapPolicyModule()
        .MapPlansModule();
}
