using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Reports;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Pages.Admin;

/// <summary>
/// An organ's annual report for a year: the tables computed from the records with each cell linked to its records and
/// each failing rule shown next to its cells; the organ's entered figures and narrative sections; 核对 (with an
/// override reason when a hard rule fails).
/// </summary>
public sealed class AnnualModel(StaffAccess access, Gongkai.Reports.Rollup.AnnualReports reports, EditAnnualReport edit, Gongkai.Reports.Publishing.PublishAnnualReport publish,
    Gongkai.Platform.Data.GongkaiDb db, Gongkai.Reports.Legacy.LegacyReports legacy) : PageModel
{
    public sealed class ReportForm
    {
        public int? RulesIssued { get; set; }
        public int? RulesRepealed { get; set; }
        public int? RulesValid { get; set; }
        public int? Licensing { get; set; }
        public int? Penalties { get; set; }
        public int? Coercions { get; set; }
        public decimal? FeeAmount { get; set; }
        public string? Overview { get; set; }
        public string? Problems { get; set; }
        public string? OtherMatters { get; set; }

        public ReportInput ToInput() => new(RulesIssued, RulesRepealed, RulesValid, Licensing, Penalties, Coercions, FeeAmount, Overview, Problems, OtherMatters);
    }

    [BindProperty]
    public ReportForm Input { get; set; } = new();

    [BindProperty]
    public string? OverrideReason { get; set; }

    [BindProperty]
    public string? CorrectionReason { get; set; }

    /// <summary>The catalogue document the report is published as, if it is.</summary>
    public Gongkai.Reports.Publishing.ReportPublication? Publication { get; private set; }

    /// <summary>Whether this is the district report (the district government's: the sum over every organ).</summary>
    public bool IsDistrict => View?.Organ.Kind == Gongkai.Platform.Organisation.OrganKind.DistrictGovernment;

    public AnnualReportView? View { get; private set; }
    /// <summary>A year before 2019: its imported statistics table (no tables are computed, nothing is edited here).</summary>
    public Gongkai.Reports.Legacy.LegacyReportView? Legacy { get; private set; }
    public string? Error { get; private set; }
    public bool CanEdit { get; private set; }
    public Guid OrganId { get; private set; }
    public int Year { get; private set; }

    private async Task<IActionResult?> LoadAsync(Guid organId, int year, bool fillForm, CancellationToken ct)
    {
        (OrganId, Year) = (organId, year);
        if (!(await access.ScopeAsync(ReportAccess.Viewers)).Covers(organId))
        {
            return NotFound();
        }

        CanEdit = (await access.ScopeAsync(ReportAccess.Editors)).Covers(organId);
        try
        {
            if (year < ReportFormat.FirstYear)
            {
                Legacy = await legacy.LoadAsync(organId, year, ct);
                CanEdit = false;
                return null;
            }

            View = await reports.ViewAsync(organId, year, ct);
        }
        catch (Gongkai.Platform.ValidationFailure e)
        {
            Error = e.Message;
            return null;
        }

        if (View.Saved is { } saved)
        {
            Publication = await db.ReportPublications.AsNoTracking().FirstOrDefaultAsync(p => p.ReportId == saved.Id, ct);
        }

        if (fillForm && View.Saved is { } s)
        {
            Input = new ReportForm
            {
                RulesIssued = s.RulesIssued,
                RulesRepealed = s.RulesRepealed,
                RulesValid = s.RulesValid,
                Licensing = s.Licensing,
                Penalties = s.Penalties,
                Coercions = s.Coercions,
                FeeAmount = s.FeeAmount,
                Overview = s.Overview,
                Problems = s.Problems,
                OtherMatters = s.OtherMatters,
            };
        }

        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid organId, int year, CancellationToken ct) =>
        await LoadAsync(organId, year, fillForm: true, ct) ?? Page();

    public async Task<IActionResult> OnPostSaveAsync(Guid organId, int year, CancellationToken ct)
    {
        if (await LoadAsync(organId, year, fillForm: false, ct) is { } refusal)
        {
            return refusal;
        }

        if (View is null)
        {
            // Nothing to save or check: the year could not be computed, or it is an imported table of before 2019.
            return Page();
        }

        if (!ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, "填报的数量须为非负整数，收费金额须为数字。");
            return Page();
        }

        if (await this.TryAsync(() => edit.SaveAsync(organId, year, Input.ToInput(), ct)))
        {
            TempData["Message"] = "已保存年度报告。";
            return Redirect(Address(organId, year));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid organId, int year, CancellationToken ct)
    {
        if (await LoadAsync(organId, year, fillForm: true, ct) is { } refusal)
        {
            return refusal;
        }

        if (View is null)
        {
            // Nothing to save or check: the year could not be computed, or it is an imported table of before 2019.
            return Page();
        }

        if (await this.TryAsync(() => edit.CheckAsync(organId, year, OverrideReason, ct), ""))
        {
            TempData["Message"] = "年度报告已标记为已核对。";
            return Redirect(Address(organId, year));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid organId, int year, CancellationToken ct)
    {
        if (await LoadAsync(organId, year, fillForm: true, ct) is { } refusal)
        {
            return refusal;
        }

        if (await this.TryAsync(() => publish.HandleAsync(organId, year, ct), ""))
        {
            TempData["Message"] = "年度报告已发布到政府信息公开目录。";
            return Redirect(Address(organId, year));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCorrectAsync(Guid organId, int year, CancellationToken ct)
    {
        if (await LoadAsync(organId, year, fillForm: true, ct) is { } refusal)
        {
            return refusal;
        }

        if (await this.TryAsync(() => publish.CorrectAsync(organId, year, CorrectionReason, ct), ""))
        {
            TempData["Message"] = "年度报告已退回草稿，可修改后重新核对、发布。";
            return Redirect(Address(organId, year));
        }

        return Page();
    }

    public static string Address(Guid organId, int year) => $"/admin/reports/{organId}/{year}";

    /// <summary>
    /// The records behind a cell: table 三 cells open the statistics records list (all organs in the viewer's scope for
    /// the district report), table 二 (行政规范性文件) and 四 cells the report's own records list.
    /// </summary>
    public string? CellLink(string cellId)
    {
        if (View?.Imported == true)
        {
            // Imported figures as published: the platform holds no records behind them.
            return null;
        }

        var parts = cellId.Split('|');
        if (parts[0] == NationalFormat2021.Table3.Key && ReportFigures.Table3Records(parts[1], parts[2]) is { } cell)
        {
            return Gongkai.Requests.Pages.Admin.StatisticsRecordsModel.LinkTo(IsDistrict ? null : OrganId, StatisticsPeriod.Year(Year), cell);
        }

        return Gongkai.Reports.Records.TableRecords.HasRecords(cellId) ? RecordsModel.LinkTo(OrganId, Year, cellId) : null;
    }

    public IEnumerable<RuleResult> Failures(string cellId) =>
        View?.Rules.Where(r => r.Outcome == RuleOutcome.Failed && r.Cells.Contains(cellId)) ?? [];
}
