using System.Globalization;
using Gongkai.Disclosure;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Pages;

/// <summary>
/// Public search over published 主动公开 documents (DocumentSearch): words, 公开主体, 主题分类, a publication date range
/// and order (相关度 or 时间). A filter the page cannot read is reported in Chinese, never ignored.
/// </summary>
public sealed class SearchModel(DocumentSearch search, GongkaiDb db) : PageModel
{
    public const int PageSize = 10;

    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "organ")] public string? Organ { get; set; }
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public string? PageNumber { get; set; }

    public List<Organ> Organs { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public DocumentSearch.Result? Result { get; private set; }
    public int CurrentPage { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public bool HasQuery => !string.IsNullOrWhiteSpace(Q);
    public bool ByDate => Sort == "date";
    public string? SelectedOrganCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Organs = await db.Organs.AsNoTracking().OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        Guid? organId = null;
        if (!string.IsNullOrWhiteSpace(Organ))
        {
            var code = Organ.Trim();
            var organ = Organs.FirstOrDefault(o => o.Code == code) ?? (Guid.TryParse(code, out var id) ? Organs.FirstOrDefault(o => o.Id == id) : null);
            if (organ is null)
            {
                Errors.Add($"没有找到公开主体“{code}”，请从列表中选择。");
            }
            else
            {
                organId = organ.Id;
                SelectedOrganCode = organ.Code;
            }
        }

        var category = InputText.OrNull(Category);
        var from = Date(From, "起始日期");
        var to = Date(To, "截止日期");
        var page = 1;
        if (!string.IsNullOrWhiteSpace(PageNumber) && !int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out page))
        {
            Errors.Add($"页码“{PageNumber}”不正确，应为正整数。");
            page = 1;
        }

        Errors.AddRange(SearchRules.Check(Q, category, from, to, Sort, page));
        CurrentPage = page is >= 1 and <= SearchRules.MaxPage ? page : 1;

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (HasQuery)
        {
            Result = await search.SearchAsync(Q, new DocumentSearch.Filters(organId, category, from, to, ByDate, CurrentPage, PageSize), ct);
            PageCount = Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
        }

        return Page();
    }

    public Pager Pager(HttpRequest request) =>
        new(CurrentPage, PageCount, n => QueryLinks.With(request, ("page", n == 1 ? null : n.ToString(CultureInfo.InvariantCulture))));

    private DateOnly? Date(string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (InputDates.TryParse(text, label, out var day, out var error))
        {
            return day;
        }

        Errors.Add(error!);
        return null;
    }
}
