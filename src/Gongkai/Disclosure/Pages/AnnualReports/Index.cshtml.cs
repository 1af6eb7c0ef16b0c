using System.Globalization;
using Gongkai.Disclosure.Portal;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Pages.AnnualReports;

/// <summary>
/// 政府信息公开年度报告 column: every organ's published reports, one year at a time (the newest by default), with the
/// report page and its PDF and Excel downloads; the organs without a published report for the year are named.
/// </summary>
public sealed class IndexModel(AnnualReportDocuments reports, GongkaiDb db) : PageModel
{
    [FromQuery(Name = "year")] public string? YearText { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public int? Year { get; private set; }
    public IReadOnlyList<AnnualReportDocuments.Report> Reports { get; private set; } = [];
    public Dictionary<Guid, Organ> Organs { get; private set; } = [];
    public IReadOnlyList<Organ> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var all = await reports.AllAsync(null, ct);
        Years = all.Select(r => r.Year).Distinct().OrderDescending().ToList();
        if (!string.IsNullOrWhiteSpace(YearText))
        {
            if (!int.TryParse(YearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2008 or > 2100)
            {
                ModelState.AddModelError("year", $"年份“{YearText.Trim()}”不正确，应为四位数字，如 2025。");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            Year = y;
        }
        else if (Years.Count > 0)
        {
            Year = Years[0];
        }

        Organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        Reports = all.Where(r => r.Year == Year).OrderBy(r => Organs.TryGetValue(r.OrganId, out var o) ? (int)o.Kind * 10000 + o.SortOrder : int.MaxValue).ToList();
        var reported = Reports.Select(r => r.OrganId).ToHashSet();
        Missing = Organs.Values.Where(o => o.IsActive && o.ReceivesRequests && !reported.Contains(o.Id)).OrderBy(o => o.Kind).ThenBy(o => o.SortOrder).ToList();
        return Page();
    }
}

/// <summary>The rows of a report list; <see cref="Organs"/> is given when the list spans several organs.</summary>
public sealed record ReportList(IReadOnlyList<AnnualReportDocuments.Report> Reports, IReadOnlyDictionary<Guid, Organ>? Organs);
