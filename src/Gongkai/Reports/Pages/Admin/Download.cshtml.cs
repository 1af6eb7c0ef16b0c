using Gongkai.Platform;
using Gongkai.Platform.Staff;
using Gongkai.Reports.Annual;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Reports.Pages.Admin;

/// <summary>An organ's annual report as a file (JSON, HTML, PDF, Excel), the same output as <c>gongkai report annual</c>.</summary>
public sealed class DownloadModel(StaffAccess access, Gongkai.Reports.Rollup.AnnualReports reports, ReportFiles files, Gongkai.Reports.Legacy.LegacyReports legacy) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid organId, int year, string? format, CancellationToken ct)
    {
        if (!(await access.ScopeAsync(ReportAccess.Viewers)).Covers(organId))
        {
            return NotFound();
        }

        if (year < ReportFormat.FirstYear)
        {
            // A year before 2019: the imported statistics table (JSON, HTML).
            try
            {
                var table = Gongkai.Reports.Legacy.LegacyReports.File(await legacy.LoadAsync(organId, year, ct),
                    ReportFiles.TryParse(format ?? "html", out var legacyKind) ? legacyKind : throw new ValidationFailure($"不支持的格式“{format}”，可选：json、html。"));
                return File(table.Content, table.ContentType, table.FileName);
            }
            catch (ValidationFailure e)
            {
                return Refuse(e.Message);
            }
        }

        AnnualReportView view;
        try
        {
            view = await reports.ViewAsync(organId, year, ct);
        }
        catch (ValidationFailure e)
        {
            return Refuse(e.Message);
        }

        if (!ReportFiles.TryParse(format ?? "html", out var kind))
        {
            return Refuse($"不支持的格式“{format}”，可选：json、html、pdf、xlsx。");
        }

        try
        {
            var file = files.Produce(view, kind);
            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (ValidationFailure e)
        {
            return Refuse(e.Message);
        }
    }

    /// <summary>Why no file could be produced, shown as a page (a link followed in the browser never answers raw JSON).</summary>
    public string? Refusal { get; private set; }

    private PageResult Refuse(string detail)
    {
        Refusal = detail;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
