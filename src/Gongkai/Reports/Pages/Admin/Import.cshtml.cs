using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Legacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Pages.Admin;

/// <summary>
/// 导入已公布的年度报告: the Excel templates to download (the pre-2019 statistics table, the 2019 trial format, the 2021
/// format), and the upload for an organ and a year, the same use cases as <c>gongkai report import</c>: 2008–2018 the
/// filled statistics-table template (<see cref="ImportReport"/>), 2019 on the year's format from its template or the
/// published report's PDF, Word or text file (<see cref="Gongkai.Reports.Imports.ImportPublishedReport"/>). Rules
/// that fail are shown as warnings (published figures are history); a file that cannot be read is refused with the
/// row or cell named, and nothing is saved.
/// </summary>
public sealed class ImportModel(GongkaiDb db, StaffAccess access, ImportReport import, Gongkai.Reports.Imports.ImportPublishedReport importPublished) : PageModel
{
    public const long MaxBytes = Gongkai.Plans.Parsing.PlanDocumentReader.MaxBytes;

    [BindProperty]
    public string? Organ { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public List<(string Code, string Name)> Organs { get; private set; } = [];
    public ImportedFigures? Result { get; private set; }
    /// <summary>A 2019-or-later report imported (its format, source, cells and checks).</summary>
    public Gongkai.Reports.Imports.PublishedReport? Published { get; private set; }
    public Guid? ImportedOrganId { get; private set; }
    public string? ImportedOrgan { get; private set; }

    private async Task<OrganScope?> LoadAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ReportAccess.Editors);
        if (scope.IsEmpty)
        {
            return null;
        }

        Organs = (await db.Organs.AsNoTracking().Where(o => o.IsActive).Within(scope, o => o.Id).OrderBy(o => o.SortOrder).ThenBy(o => o.Code)
            .Select(o => new { o.Code, o.ShortName }).ToListAsync(ct)).Select(o => (o.Code, o.ShortName)).ToList();
        return scope;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is null ? Forbid() : Page();

    public async Task<IActionResult> OnGetTemplateAsync(string? format, CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            return Forbid();
        }

        const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        if (ReportFormat.All.FirstOrDefault(f => f.Id == format) is { } f)
        {
            return File(Gongkai.Reports.Imports.ReportWorkbook.Template(f), Xlsx, $"年度报告（{f.Name}格式）导入模板.xlsx");
        }

        return File(ImportReport.Template(), Xlsx, "政府信息公开情况统计表（2019年以前）导入模板.xlsx");
    }

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
            ModelState.AddModelError(nameof(Year), "请填写年度。");
            return Page();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "请选择填好的Excel模板（.xlsx），或已公布年度报告的PDF、Word（.docx）、文本（.txt）文件。");
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"文件大小超过{MaxBytes / 1024 / 1024}MB，年度报告不会这么大，请检查文件。");
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        await this.TryAsync(async () =>
        {
            if (Year.Value < ReportFormat.FirstYear)
            {
                var (_, figures) = await import.HandleAsync(Organ ?? "", Year.Value, buffer.ToArray(), ct);
                Result = figures;
            }
            else
            {
                var (_, published) = await importPublished.HandleAsync(Organ ?? "", Year.Value, buffer.ToArray(), ct);
                Published = published;
            }

            (ImportedOrgan, ImportedOrganId) = (organ?.FullName, organ?.Id);
        }, "");
        return Page();
    }

    public static string LabelOf(string key) => Pre2019Format.Rows.FirstOrDefault(r => r.Key == key)?.Label ?? key;
}
