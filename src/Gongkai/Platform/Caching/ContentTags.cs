namespace Gongkai.Platform.Caching;

/// <summary>
/// The kinds of public content a page may show. Each has a counter in <c>content_versions</c>; a cached page depends on
/// the tags of its route (<see cref="PublicCacheRoutes"/>) and is made again when any of them is raised.
/// </summary>
public static class ContentTags
{
    /// <summary>Published documents (主动公开): publish, scheduled publication, revise, withdraw, validity, attachments.</summary>
    public const string Documents = "documents";

    /// <summary>The organs (公开主体) and their names, codes and contacts.</summary>
    public const string Organs = "organs";

    /// <summary>The openness guides (政府信息公开指南).</summary>
    public const string Guide = "guide";

    /// <summary>政策解读, 意见征集 and 政策评价 as the public sees them.</summary>
    public const string Policy = "policy";

    /// <summary>工作要点 and their progress.</summary>
    public const string Plans = "plans";

    /// <summary>年度报告.</summary>
    public const string Reports = "reports";

    /// <summary>The portal itself: columns, site-wide notices and anything public not named above.</summary>
    public const string Site = "site";

    public static readonly IReadOnlyList<string> All = [Documents, Organs, Guide, Policy, Plans, Reports, Site];
}
