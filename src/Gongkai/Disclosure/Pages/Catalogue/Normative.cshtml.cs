using System.Globalization;
using Gongkai.Disclosure.Catalogue;
using Gongkai.Platform.Web;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Pages.Catalogue;

/// <summary>现行有效规范性文件: published 规范性文件 still 有效, district-wide or of one organ (?organ=code).</summary>
public sealed class NormativeModel(DocumentCatalogue catalogue, GongkaiDb db) : PageModel
{
    [FromQuery(Name = "organ")] public string? OrganCode { get; set; }
    [FromQuery(Name = "page")] public string? PageNumber { get; set; }

    public List<Organ> Organs { get; private set; } = [];
    public Organ? Organ { get; private set; }
    public int Total { get; private set; }
    public int CurrentPage { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public IReadOnlyList<DocumentCatalogue.Entry> Entries { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Organs = await db.Organs.AsNoTracking().OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(OrganCode))
        {
            Organ = Organs.FirstOrDefault(o => o.Code == OrganCode.Trim());
            if (Organ is null)
            {
                Errors.Add($"没有找到公开主体“{OrganCode.Trim()}”，请从列表中选择。");
            }
        }

        var page = 1;
        if (!string.IsNullOrWhiteSpace(PageNumber) && !(int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1))
        {
            Errors.Add($"页码“{PageNumber.Trim()}”不正确，应为正整数。");
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        (Total, CurrentPage, PageCount, Entries) = await catalogue.NormativeAsync(Organ?.Id, page, ct);
        return Page();
    }

    public Pager Pager() =>
        new(CurrentPage, PageCount, n => QueryLinks.With(Request, ("page", n == 1 ? null : n.ToString(CultureInfo.InvariantCulture))));
}
