using System.Globalization;
using Gongkai.Disclosure.Portal;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Pages.Columns;

/// <summary>A column of published documents (要闻动态 /news, 通知公告 /notices, 政策文件 /policies): dated, newest first, 20 a page.</summary>
public sealed class IndexModel(ColumnDocuments documents, GongkaiDb db) : PageModel
{
    [FromQuery(Name = "page")] public string? PageNumber { get; set; }

    public DocumentColumn Column { get; private set; } = null!;
    public ColumnDocuments.Result? Result { get; private set; }
    public Dictionary<Guid, Organ> Organs { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string column, CancellationToken ct)
    {
        if (DocumentColumn.Find(column) is not { } found)
        {
            return NotFound();
        }

        Column = found;
        var page = 1;
        if (!string.IsNullOrWhiteSpace(PageNumber) && !(int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1))
        {
            Error = $"页码“{PageNumber.Trim()}”不正确，应为正整数。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        Result = await documents.PageAsync(found, null, page, ct);
        return Page();
    }

    public Pager Pager(ColumnDocuments.Result result) =>
        new(result.Page, result.PageCount, n => QueryLinks.With(Request, Column.Path, ("page", n == 1 ? null : n.ToString(CultureInfo.InvariantCulture))));
}
