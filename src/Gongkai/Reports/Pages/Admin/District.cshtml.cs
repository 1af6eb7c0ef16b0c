using Gongkai.Platform;
using Gongkai.Platform.Staff;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Rollup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Reports.Pages.Admin;

/// <summary>
/// The district report's make-up: for a year, every organ's main figures and the status of its own report, the sum
/// (the figures of the district report), and the rules checked on the sum. For whoever may see the district government's report.
/// </summary>
public sealed class DistrictModel(StaffAccess access, DistrictReport district, TimeProvider clock) : PageModel
{
    public DistrictReportView? View { get; private set; }
    public string? Error { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>The columns of the overview: a label and the cells summed into it.</summary>
    public static IReadOnlyList<(string Label, string[] Cells)> Columns { get; } =
    [
        ("本年新收申请", [NationalFormat2021.Table3.CellId("new", NationalFormat2021.TotalColumn)]),
        ("上年结转", [NationalFormat2021.Table3.CellId("carried", NationalFormat2021.TotalColumn)]),
        ("本年办结", [NationalFormat2021.Table3.CellId("closed", NationalFormat2021.TotalColumn)]),
        ("结转下年度", [NationalFormat2021.Table3.CellId("out", NationalFormat2021.TotalColumn)]),
        ("制发规范性文件", [NationalFormat2021.Item1.CellId("normative", "issued")]),
        ("复议、诉讼", [.. NationalFormat2021.AppealGroups.Select(g => NationalFormat2021.Table4.CellId("all", $"{g.Key}-total"))]),
    ];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        var government = await district.DistrictGovernmentAsync(ct);
        if (government is null || !(await access.ScopeAsync(ReportAccess.Viewers)).Covers(government.Id))
        {
            return NotFound();
        }

        Today = ChineseDates.Today(clock);
        try
        {
            View = await district.ComputeAsync(year, ct);
        }
        catch (ValidationFailure e)
        {
            Error = e.Message;
        }

        return Page();
    }

    public static decimal Value(ReportFigures f, string[] cells) => cells.Sum(c => f[c] ?? 0);
}
