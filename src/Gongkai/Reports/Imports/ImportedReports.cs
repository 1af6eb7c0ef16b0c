using System.Text.Json;
using Gongkai.Reports.Annual;

namespace Gongkai.Reports.Imports;

/// <summary>
/// A 2019-or-later report imported as published elsewhere (<see cref="ImportPublishedReport"/>): stored as the organ's
/// report of that year, status 已发布, format id <c>import2021</c> or <c>import2019</c>, its figures in
/// <see cref="AnnualReport.PublishedFigures"/>. Wherever the platform computes a year's figures (the report view, the
/// district sum, the previous year of R6/R7) an imported year gives its imported figures instead of the records', and
/// its rules R1–R8 are warnings: the figures are history as published.
/// </summary>
public static class ImportedReports
{
    public const string Prefix = "import";

    public static string FormatId(ReportFormat format) => Prefix + format.Id;

    public static bool IsImported(AnnualReport? report) => report?.FormatId.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The imported figures of a saved report, or null when it is not an import.</summary>
    public static ReportFigures? Figures(AnnualReport? report) =>
        IsImported(report) && report!.PublishedFigures is { } json
            ? new ReportFigures(JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? [])
            : null;

    /// <summary>R1–R8 on imported figures, every failure a warning (R4 cannot be checked without the records).</summary>
    public static IReadOnlyList<RuleResult> Check(ReportFigures figures, ReportFigures? previous, ReportFormat format) =>
        [.. Reconciliation.Check(figures, previous, computedFromRecords: false, 0, format).Select(r => r with { Hard = false })];
}
