using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Pages.Admin;

/// <summary>
/// The records behind a figure of table 二 (行政规范性文件 issued, repealed, valid) or table 四 (appeals by kind and
/// result) of an organ's report. For the district report (the district government's), the records of every organ in
/// the viewer's scope; another organ's report answers 404.
/// </summary>
public sealed class RecordsModel(GongkaiDb db, StaffAccess access, TableRecords records) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Cell { get; set; }

    public Organ? Organ { get; private set; }
    public int Year { get; private set; }
    public string Description { get; private set; } = "";
    public int Total { get; private set; }
    public bool ForDocuments => Cell is not null && TableRecords.IsDocumentCell(Cell);
    public List<DocumentRecord> Documents { get; private set; } = [];
    public List<AppealRecord> Appeals { get; private set; } = [];
    public Dictionary<Guid, string> OrganNames { get; private set; } = [];

    public static string LinkTo(Guid organId, int year, string cellId) => $"/admin/reports/{organId}/{year}/records?cell={Uri.EscapeDataString(cellId)}";

    public async Task<IActionResult> OnGetAsync(Guid organId, int year, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ReportAccess.Viewers);
        if (!scope.Covers(organId))
        {
            return NotFound();
        }

        Organ = await db.Organs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organId, ct);
        if (Organ is null)
        {
            return NotFound();
        }

        if (Cell is null || !TableRecords.HasRecords(Cell) || year < ComputeAnnualReport.FirstYear || year > 9999)
        {
            return BadRequest();
        }

        Year = year;
        Description = Reconciliation.Describe(Cell);
        IReadOnlyCollection<Guid> organs = Organ.Kind == OrganKind.DistrictGovernment
            ? await db.Organs.Within(scope, o => o.Id).Select(o => o.Id).ToListAsync(ct)
            : [organId];
        OrganNames = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        if (TableRecords.IsDocumentCell(Cell))
        {
            (Total, Documents) = await records.DocumentsAsync(organs, year, Cell, ct);
        }
        else
        {
            (Total, Appeals) = await records.AppealsAsync(organs, year, Cell, ct);
        }

        return Page();
    }
}
