using System.Linq.Expressions;
using Gongkai.Disclosure.Documents;

namespace Gongkai.Disclosure.Catalogue;

/// <summary>
/// 法定主动公开内容: the fifteen items of Regulation Art. 20 (china-rules §2) as sections of the public catalogue.
/// A document carries no "Art. 20 item" of its own; the sections are derived from its 信息类别 and 主题分类, so the
/// staff never file a document twice and a section can never disagree with the document's metadata. The mapping:
/// <list type="table">
/// <item><term>（一） 行政法规、规章和规范性文件</term><description>信息类别 规范性文件.</description></item>
/// <item><term>（二） 机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名</term><description>信息类别 机构职能.</description></item>
/// <item><term>（三） 规划及相关政策</term><description>信息类别 规划计划.</description></item>
/// <item><term>（四） 统计信息</term><description>信息类别 统计信息, or 主题分类 国民经济管理、国有资产监管\统计.</description></item>
/// <item><term>（五） 行政许可和其他对外管理服务事项</term><description>信息类别 行政许可和服务事项.</description></item>
/// <item><term>（六） 行政处罚、行政强制</term><description>信息类别 行政处罚和行政强制.</description></item>
/// <item><term>（七） 财政预算、决算</term><description>信息类别 财政预决算.</description></item>
/// <item><term>（八） 行政事业性收费</term><description>主题分类 国民经济管理、国有资产监管\物价 (收费标准 are set by the price
/// authorities), or a 清单 filed under 财政、金融、审计\财政 (收费目录清单).</description></item>
/// <item><term>（九） 政府集中采购</term><description>a 通知公告 filed under 财政、金融、审计\财政 (采购目录、标准和实施情况 are
/// announced as notices of the finance function; the gov.cn tree has no procurement category).</description></item>
/// <item><term>（十） 重大建设项目</term><description>主题分类 国民经济管理、国有资产监管\重大建设项目.</description></item>
/// <item><term>（十一） 扶贫、教育、医疗、社会保障、促进就业</term><description>主题分类 民政、扶贫、救灾\扶贫 and \社会福利,
/// 科技、教育\教育, 卫生、体育\卫生, 劳动、人事、监察\社会保障 and \劳动就业.</description></item>
/// <item><term>（十二） 突发公共事件的应急预案、预警信息及应对情况</term><description>主题分类 综合政务\应急管理 and
/// 民政、扶贫、救灾\减灾救灾.</description></item>
/// <item><term>（十三） 环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查</term><description>主题分类
/// 城乡建设、环境保护\环境监测、保护与治理, 市场监管、安全生产监管\质量监督, \食品药品监管, \安全生产监管, and 卫生、体育\卫生.</description></item>
/// <item><term>（十四） 公务员招考的职位、名额、报考条件及录用结果</term><description>信息类别 人事信息.</description></item>
/// <item><term>（十五） 其他应当主动公开的政府信息</term><description>every published document that falls in none of the above.</description></item>
/// </list>
/// A document may fall in more than one section (a 规范性文件 on 低保 is in （一） and （十一））, as on the
/// catalogues of real government sites.
/// </summary>
public static class StatutoryItems
{
    /// <summary>One way to fall in a section: every given condition holds (an empty list means "any").</summary>
    public sealed record Rule(InformationType[] Types, string[] Categories);

    /// <summary>An Art. 20 item: its number 1–15, the numeral as printed, the law's wording, and how documents map to it.</summary>
    public sealed record Item(int Number, string Numeral, string Title, string Mapping, IReadOnlyList<Rule> Rules)
    {
        public string Label => $"第二十条第（{Numeral}）项";

        /// <summary>A few words for lists: （一）规章和规范性文件.</summary>
        public string ShortTitle => $"（{Numeral}）{ShortTitles[Number - 1]}";
    }

    private static readonly string[] ShortTitles =
    [
        "规章和规范性文件", "机构职能", "规划", "统计信息", "行政许可和服务事项", "行政处罚和行政强制", "财政预决算", "行政事业性收费",
        "政府集中采购", "重大建设项目", "扶贫、教育、医疗、社保、就业", "突发公共事件应对", "监督检查情况", "公务员招考", "其他主动公开信息",
    ];

    public const int Other = 15;

    public static IReadOnlyList<Item> All { get; } =
    [
        new(1, "一", "行政法规、规章和规范性文件", "信息类别为“规范性文件”的信息",
            [Types(InformationType.NormativeDocument)]),
        new(2, "二", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", "信息类别为“机构职能”的信息",
            [Types(InformationType.OrganInformation)]),
        new(3, "三", "国民经济和社会发展规划、专项规划、区域规划及相关政策", "信息类别为“规划计划”的信息",
            [Types(InformationType.Plan)]),
        new(4, "四", "国民经济和社会发展统计信息", "信息类别为“统计信息”或主题分类为“国民经济管理、国有资产监管\\统计”的信息",
            [Types(InformationType.Statistics), Categories("国民经济管理、国有资产监管\\统计")]),
        new(5, "五", "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果", "信息类别为“行政许可和服务事项”的信息",
            [Types(InformationType.Licensing)]),
        new(6, "六", "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定", "信息类别为“行政处罚和行政强制”的信息",
            [Types(InformationType.Enforcement)]),
        new(7, "七", "财政预算、决算信息", "信息类别为“财政预决算”的信息",
            [Types(InformationType.Budget)]),
        new(8, "八", "行政事业性收费项目及其依据、标准", "主题分类为“国民经济管理、国有资产监管\\物价”的信息，以及“财政、金融、审计\\财政”下的清单",
            [Categories("国民经济管理、国有资产监管\\物价"), new Rule([InformationType.List], ["财政、金融、审计\\财政"])]),
        new(9, "九", "政府集中采购项目的目录、标准及实施情况", "“财政、金融、审计\\财政”下的通知公告",
            [new Rule([InformationType.Notice], ["财政、金融、审计\\财政"])]),
        new(10, "十", "重大建设项目的批准和实施情况", "主题分类为“国民经济管理、国有资产监管\\重大建设项目”的信息",
            [Categories("国民经济管理、国有资产监管\\重大建设项目")]),
        new(11, "十一", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
            "主题分类为扶贫、社会福利、教育、卫生、社会保障、劳动就业的信息",
            [Categories("民政、扶贫、救灾\\扶贫", "民政、扶贫、救灾\\社会福利", "科技、教育\\教育", "卫生、体育\\卫生", "劳动、人事、监察\\社会保障", "劳动、人事、监察\\劳动就业")]),
        new(12, "十二", "突发公共事件的应急预案、预警信息及应对情况", "主题分类为“综合政务\\应急管理”或“民政、扶贫、救灾\\减灾救灾”的信息",
            [Categories("综合政务\\应急管理", "民政、扶贫、救灾\\减灾救灾")]),
        new(13, "十三", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
            "主题分类为环境监测保护与治理、质量监督、食品药品监管、安全生产监管、卫生的信息",
            [Categories("城乡建设、环境保护\\环境监测、保护与治理", "市场监管、安全生产监管\\质量监督", "市场监管、安全生产监管\\食品药品监管",
                "市场监管、安全生产监管\\安全生产监管", "卫生、体育\\卫生")]),
        new(14, "十四", "公务员招考的职位、名额、报考条件等事项以及录用结果", "信息类别为“人事信息”的信息",
            [Types(InformationType.Personnel)]),
        new(15, "十五", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息", "不属于以上各项的其他主动公开信息", []),
    ];

    public static Item? Find(int number) => All.FirstOrDefault(i => i.Number == number);

    /// <summary>Whether a document with this category and type falls in the item (in memory, for counts and labels).</summary>
    public static bool Covers(Item item, string category, InformationType type) =>
        item.Number == Other
            ? !All.Where(i => i.Number != Other).Any(i => Covers(i, category, type))
            : item.Rules.Any(r => (r.Types.Length == 0 || r.Types.Contains(type)) && (r.Categories.Length == 0 || r.Categories.Any(c => CategoryMatches(c, category))));

    /// <summary>The items a document falls in, in order.</summary>
    public static IEnumerable<Item> Of(string category, InformationType type) => All.Where(i => Covers(i, category, type));

    /// <summary>The same test as a query predicate the database evaluates.</summary>
    public static Expression<Func<GovDocument, bool>> Predicate(Item item)
    {
        var d = Expression.Parameter(typeof(GovDocument), "d");
        var body = item.Number == Other
            ? Expression.Not(AnyOf(d, All.Where(i => i.Number != Other)))
            : AnyOf(d, [item]);
        return Expression.Lambda<Func<GovDocument, bool>>(body, d);
    }

    /// <summary>Documents whose 主题分类 is <paramref name="path"/> (一级\二级) or, for a top category, any of its children.</summary>
    public static Expression<Func<GovDocument, bool>> CategoryPredicate(string path)
    {
        var d = Expression.Parameter(typeof(GovDocument), "d");
        return Expression.Lambda<Func<GovDocument, bool>>(CategoryTest(d, path), d);
    }

    /// <summary>In memory: whether <paramref name="category"/> is <paramref name="path"/> or lies below it.</summary>
    public static bool CategoryMatches(string path, string category) =>
        category == path || (!path.Contains('\\') && category.StartsWith(path + "\\", StringComparison.Ordinal));

    private static Rule Types(params InformationType[] types) => new(types, []);

    private static Rule Categories(params string[] categories) => new([], categories);

    private static Expression AnyOf(ParameterExpression d, IEnumerable<Item> items)
    {
        Expression? any = null;
        foreach (var rule in items.SelectMany(i => i.Rules))
        {
            Expression? all = null;
            if (rule.Types.Length > 0)
            {
                all = rule.Types.Select(t => (Expression)Expression.Equal(Expression.Property(d, nameof(GovDocument.InformationType)), Expression.Constant(t)))
                    .Aggregate(Expression.OrElse);
            }

            if (rule.Categories.Length > 0)
            {
                var categories = rule.Categories.Select(c => CategoryTest(d, c)).Aggregate(Expression.OrElse);
                all = all is null ? categories : Expression.AndAlso(all, categories);
            }

            if (all is not null)
            {
                any = any is null ? all : Expression.OrElse(any, all);
            }
        }

        return any ?? Expression.Constant(false);
    }

    /// <summary>
    /// Equality for a 二级 path; for a top category, equality or the first characters matching "top\" (substring, not
    /// LIKE: the backslash is PostgreSQL's LIKE escape character).
    /// </summary>
    private static Expression CategoryTest(ParameterExpression d, string path)
    {
        var property = Expression.Property(d, nameof(GovDocument.SubjectCategory));
        var equal = Expression.Equal(property, Expression.Constant(path));
        if (path.Contains('\\'))
        {
            return equal;
        }

        var prefix = path + "\\";
        var head = Expression.Call(property, typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!,
            Expression.Constant(0), Expression.Constant(prefix.Length));
        return Expression.OrElse(equal, Expression.Equal(head, Expression.Constant(prefix)));
    }
}
