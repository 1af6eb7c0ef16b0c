using Gongkai.Platform.SiteErrors;

namespace Gongkai.Platform.Portal;

/// <summary>The platform's own columns: the site's pages (网站地图, 联系我们, 网站找错, 无障碍) and the developer API reference.</summary>
public static class PlatformPortal
{
    public static IServiceCollection AddPlatformPortal(this IServiceCollection services)
    {
        services.AddSingleton<PortalColumns>();
        services.AddPortalColumn(new("开发者接口", "/api/docs", PortalGroup.OpenData, 10, "政务公开开放接口（OpenAPI）的说明与在线调试。", "数据开放"));
        services.AddPortalColumn(new("网站地图", "/sitemap", PortalGroup.Site, 10, "本站全部栏目一览。", "网站"));
        services.AddPortalColumn(new("联系我们", "/contact", PortalGroup.Site, 20, "本站主办、承办单位及联系方式。", "网站"));
        services.AddPortalColumn(new("网站找错", "/site-errors", PortalGroup.Site, 30, "我为政府网站找错：报告本站的错误和问题，查询答复。", "互动交流"));
        services.AddPortalColumn(new("无障碍", "/accessibility", PortalGroup.Site, 40, "本站的无障碍和适老化设计说明。", "网站"));
        services.AddScoped<ReportSiteError>();
        services.AddScoped<AnswerSiteError>();
        services.AddScoped<SiteErrorQueries>();
        services.AddSingleton<SiteErrorProtector>();
        services.AddSingleton(new Keys.ProtectedColumn(typeof(SiteErrorReport), nameof(SiteErrorReport.ContactProtected), SiteErrorProtector.Purpose));
        return services;
    }
}
