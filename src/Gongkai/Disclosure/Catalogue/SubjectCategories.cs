using System.Text.Json;

namespace Gongkai.Disclosure.Catalogue;

/// <summary>
/// 主题分类: the gov.cn policy-library tree of 22 top categories and their sub-categories
/// (china-rules §7.4), stored on documents as 一级\二级, e.g. 综合政务\政务公开.
/// </summary>
public static class SubjectCategories
{
    public sealed record Category(string Name, IReadOnlyList<string> Children);

    public static IReadOnlyList<Category> All { get; } = Load();

    private static readonly HashSet<string> Valid = All
        .SelectMany(c => c.Children.Count == 0 ? [c.Name] : c.Children.Select(child => $"{c.Name}\\{child}"))
        .ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<string> Paths => Valid.Order(StringComparer.Ordinal);

    public static bool IsValid(string? path) => path is not null && Valid.Contains(path);

    public static string TopOf(string path) => path.Split('\\')[0];

    private static List<Category> Load()
    {
        using var stream = typeof(SubjectCategories).Assembly.GetManifestResourceStream("Gongkai.Disclosure.subject-categories.json")!;
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.GetProperty("categories").EnumerateArray()
            .Select(c => new Category(c.GetProperty("name").GetString()!, c.GetProperty("children").EnumerateArray().Select(x => x.GetString()!).ToList()))
            .ToList();
    }
}
