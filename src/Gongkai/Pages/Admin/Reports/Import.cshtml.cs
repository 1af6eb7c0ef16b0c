using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Legacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Pages.Admin.Reports;

/// <summary>
/// 导入2019年以前的统计表: the Excel template to download, and the upload of a filled one for an organ and a year
/// (2008–2018), stored as that year's published figures with the same checks as <c>gongkai report import</c>: sums that
/// do not add up are shown as warnings (published figures are history); a negative or non-integer count, an unknown
/// row label or a file that is not the template is refused with the row named, and nothing is saved.
/// </summary>
public sealed class ImportModel(GongkaiDb db, StaffAccess access, ImportReport import) : PageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;

    [BindProperty]
    public string? Organ { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public List<(string Code, string Name)> Organs { get; private set; } = [];
    public ImportedFigures? Result { get; private set; }
    public string? ImportedOrgan { get; private set; }

    private async Task<OrganScope?> LoadAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ReportAccess.Editors);
        if (scope.IsEmpty)
        {
            return null;
        }

        var ids = scope.OrganIds.ToList();
        Organs = (await db.Organs.AsNoTracking().Where(o => o.IsActive && (scope.All || ids.Contains(o.Id))).OrderBy(o => o.SortOrder).ThenBy(o => o.Code)
            .Select(o => new { o.Code, o.ShortName }).ToListAsync(ct)).Select(o => (o.Code, o.ShortName)).ToList();
        return scope;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is null ? Forbid() : Page();

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct) =>
        await LoadAsync(ct) is null
            ? Forbid()
            : File(ImportReport.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "政府信息公开情况统计表（2019年以前）导入模板.xlsx");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        if (scope is null)
        {
            return Forbid();
        }

        var organ = await db.Organs.AsNoTracking().FirstOrDefaultAsync(o => o.Code == Organ, ct);
        if (organ is not null && !scope.Covers(organ.Id))
        {
            return NotFound();
        }

        if (Year is null)
        {
            ModelState.AddModelError(nameof(Year), "请填写年度（2008—2018）。");
            return Page();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "请选择填好的Excel模板文件（.xlsx）。");
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"文件大小超过{MaxBytes / 1024 / 1024}MB，统计表模板不会这么大，请检查文件。");
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        await this.TryAsync(async () =>
        {
            var (_, figures) = await import.HandleAsync(Organ ?? "", Year.Value, buffer.ToArray(), ct);
            (Result, ImportedOrgan) = (figures, organ?.FullName);
        }, "");
        return Page();
    }

    public static string LabelOf(string key) => Pre2019Format.Rows.FirstOrDefault(r => r.Key == key)?.Label ?? key;
}
