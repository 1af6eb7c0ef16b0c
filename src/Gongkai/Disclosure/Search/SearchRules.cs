using Gongkai.Disclosure.Catalogue;
using Gongkai.Platform.Search;

namespace Gongkai.Disclosure;

/// <summary>
/// What a public search may ask, for the search page and GET /api/v1/search alike: the page lists the messages, the API
/// answers 400 with them (never a silently shortened query). Each entry point reads its own parameters (the page takes an
/// organ's code and a page number as text, the API an organ's id and typed numbers); the rules on the values are here.
/// </summary>
public static class SearchRules
{
    public const int MaxPage = 10_000;

    /// <summary>The Chinese messages for what cannot be searched as asked; empty when the search may run.</summary>
    public static List<string> Check(string? query, string? category, DateOnly? from, DateOnly? to, string? sort, int page)
    {
        var errors = new List<string>();
        if (category is not null && !SubjectCategories.IsValid(category) && SubjectCategories.All.All(c => c.Name != category))
        {
            errors.Add($"没有“{category}”这个主题分类，请从列表中选择。");
        }

        if (from is { } f && to is { } t && f > t)
        {
            errors.Add("起始日期不能晚于截止日期。");
        }

        if (!string.IsNullOrEmpty(sort) && sort is not ("date" or "relevance"))
        {
            errors.Add("排序方式只能是“相关度”或“时间”。");
        }

        if (page is < 1 or > MaxPage)
        {
            errors.Add($"页码“{page}”不正确，应为正整数。");
        }

        if (!string.IsNullOrWhiteSpace(query) && query.Trim().Length > SearchQuery.MaxLength)
        {
            errors.Add($"搜索词不能超过{SearchQuery.MaxLength}个字。");
        }

        return errors;
    }
}
