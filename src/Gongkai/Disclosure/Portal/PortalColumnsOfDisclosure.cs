using Gongkai.Platform.Portal;

namespace Gongkai.Disclosure.Portal;

/// <summary>The portal columns 主动公开 serves, and its home-page lists (要闻动态, 通知公告, 最新公开).</summary>
public static class DisclosurePortal
{
    public static IServiceCollection AddDisclosurePortal(this IServiceCollection services)
    {
        services.AddPortalColumn(new("要闻动态", "/news", PortalGroup.News, 10, "本区政府及各部门、街道的工作动态。", "信息发布", InNav: true));
        services.AddPortalColumn(new("通知公告", "/notices", PortalGroup.News, 20, "本区政府及各部门、街道发布的通知和公告。", "信息发布", InNav: true));
        services.AddPortalColumn(new("政策文件", "/policies", PortalGroup.News, 30, "规范性文件和其他政策文件。", "信息发布", InNav: true));
        services.AddPortalColumn(new("政府信息公开目录", "/catalogue", PortalGroup.Disclosure, 40, "依《条例》第十二条编制的政府信息公开目录。", "政府信息公开", InNav: true)
        {
            NavName = "政府信息公开",
            Covers = ["/documents", "/guide", "/search", "/feeds", "/organs", "/annual-reports"],
        });
        services.AddPortalColumn(new("政府信息公开指南", "/guide", PortalGroup.Disclosure, 10, "各机关的政府信息公开指南。", "政府信息公开"));
        services.AddPortalColumn(new("法定主动公开内容", "/catalogue/statutory", PortalGroup.Disclosure, 50, "《条例》第二十条规定的十五项主动公开内容。", "政府信息公开"));
        services.AddPortalColumn(new("现行有效规范性文件", "/catalogue/normative", PortalGroup.Disclosure, 60, "现行有效的规范性文件。", "政府信息公开"));
        services.AddPortalColumn(new("政府信息公开年度报告", "/annual-reports", PortalGroup.Disclosure, 80, "各机关按年度发布的政府信息公开工作年度报告。", "政府信息公开"));
        services.AddPortalColumn(new("公开主体", "/organs", PortalGroup.Disclosure, 90, "本区各政府信息公开主体的指南、目录、年度报告和联系方式。", "政府信息公开"));
        services.AddPortalColumn(new("信息订阅", "/feeds", PortalGroup.Disclosure, 95, "RSS 和 Atom 订阅。", "政府信息公开"));
        services.AddPortalColumn(new("站内搜索", "/search", PortalGroup.Disclosure, 99, "检索本站发布的政府信息。", "政府信息公开", OnHome: false));
        services.AddScoped<ColumnDocuments>();
        services.AddScoped<OrganPages>();
        services.AddScoped<AnnualReportDocuments>();
        services.AddPortalList<NewsList>();
        services.AddPortalList<NoticesList>();
        services.AddPortalList<LatestList>();
        return services;
    }
}

internal sealed class NewsList(ColumnDocuments documents) : IPortalList
{
    public int Order => 10;

    public async Task<PortalList> LatestAsync(int count, CancellationToken ct = default) =>
        new("要闻动态", "/news", await documents.LatestAsync(DocumentColumn.News, count, ct));
}

internal sealed class NoticesList(ColumnDocuments documents) : IPortalList
{
    public int Order => 20;

    public async Task<PortalList> LatestAsync(int count, CancellationToken ct = default) =>
        new("通知公告", "/notices", await documents.LatestAsync(DocumentColumn.Notices, count, ct));
}

internal sealed class LatestList(ColumnDocuments documents) : IPortalList
{
    public int Order => 30;

    public async Task<PortalList> LatestAsync(int count, CancellationToken ct = default) =>
        new("最新公开", "/catalogue", await documents.LatestAsync(null, count, ct));
}
