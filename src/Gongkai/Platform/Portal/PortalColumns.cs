namespace Gongkai.Platform.Portal;

/// <summary>
/// The groups of the portal's columns, as the home page and the site map show them (国办发〔2017〕47号: 信息发布、解读回应、
/// 办事服务、互动交流; the district's 政府信息公开 专栏 first).
/// </summary>
public enum PortalGroup
{
    /// <summary>信息发布: 要闻动态, 通知公告, 政策文件</summary>
    News = 0,
    /// <summary>政府信息公开 专栏</summary>
    Disclosure = 1,
    /// <summary>解读回应: 政策解读, 政策评价</summary>
    Policy = 2,
    /// <summary>互动交流: 意见征集, 网站找错</summary>
    Interaction = 3,
    /// <summary>重点工作</summary>
    Work = 4,
    /// <summary>数据开放</summary>
    OpenData = 5,
    /// <summary>本站: 网站地图, 联系我们, 无障碍</summary>
    Site = 6,
}

/// <summary>
/// A column (栏目) of the portal: a real page a module serves. Modules register their columns when they are composed, so
/// the navigation, the home page and the site map show exactly the columns that exist — a module not built yet has no
/// column and nothing dead is shown. <paramref name="InNav"/> puts it in the main navigation (in <paramref name="Order"/>).
/// <paramref name="ColumnType"/> is the page's ColumnType meta (信息发布, 政府信息公开, 解读回应, 互动交流, 办事服务, 网站).
/// </summary>
public sealed record PortalColumn(string Name, string Path, PortalGroup Group, int Order, string Description, string ColumnType, bool InNav = false, bool OnHome = true)
{
    /// <summary>A shorter label for the main navigation (政府信息公开 for 政府信息公开目录); the name otherwise.</summary>
    public string? NavName { get; init; }

    /// <summary>Other paths that belong to the column for the navigation's “you are here” (e.g. /documents under 政府信息公开).</summary>
    public IReadOnlyList<string> Covers { get; init; } = [];

    /// <summary>Whether <paramref name="path"/> is this column's page or under it.</summary>
    public bool Contains(PathString path) =>
        (Path != "/" && path.StartsWithSegments(Path)) || Covers.Any(c => path.StartsWithSegments(c));
}

/// <summary>A dated entry of a home-page list.</summary>
public sealed record PortalEntry(string Title, string Url, DateTimeOffset At, string? Source = null);

/// <summary>A list the home page shows (要闻动态, 通知公告, 最新公开) with the column it continues in.</summary>
public sealed record PortalList(string Name, string MoreUrl, IReadOnlyList<PortalEntry> Entries);

/// <summary>A module's home-page list, newest first; <see cref="Order"/> places it.</summary>
public interface IPortalList
{
    int Order { get; }

    Task<PortalList> LatestAsync(int count, CancellationToken ct = default);
}

/// <summary>Every registered column, in order.</summary>
public sealed class PortalColumns(IEnumerable<PortalColumn> columns)
{
    public static readonly IReadOnlyDictionary<PortalGroup, string> GroupNames = new Dictionary<PortalGroup, string>
    {
        [PortalGroup.News] = "信息发布",
        [PortalGroup.Disclosure] = "政府信息公开",
        [PortalGroup.Policy] = "政策解读与评价",
        [PortalGroup.Interaction] = "互动交流",
        [PortalGroup.Work] = "重点工作",
        [PortalGroup.OpenData] = "数据开放",
        [PortalGroup.Site] = "本站信息",
    };

    public IReadOnlyList<PortalColumn> All { get; } = columns.OrderBy(c => c.Group).ThenBy(c => c.Order).ThenBy(c => c.Path, StringComparer.Ordinal).ToList();

    public IEnumerable<PortalColumn> Nav => All.Where(c => c.InNav);

    public IEnumerable<IGrouping<PortalGroup, PortalColumn>> Groups(bool homeOnly) =>
        All.Where(c => !homeOnly || c.OnHome).GroupBy(c => c.Group).OrderBy(g => g.Key);

    /// <summary>The column with this path, if a module serves it.</summary>
    public PortalColumn? Find(string path) => All.FirstOrDefault(c => c.Path == path);

    public bool Has(string path) => Find(path) is not null;
}

public static class PortalColumnRegistration
{
    /// <summary>Registers a column the module serves (see <see cref="PortalColumn"/>).</summary>
    public static IServiceCollection AddPortalColumn(this IServiceCollection services, PortalColumn column) =>
        services.AddSingleton(column);

    public static IServiceCollection AddPortalList<T>(this IServiceCollection services) where T : class, IPortalList =>
        services.AddScoped<IPortalList, T>();
}
