namespace Gongkai.Reports.Annual;

/// <summary>
/// A national format of the annual report's tables: its section titles and the blocks of tables 二, 三, 四. A report
/// for 2019 or 2020 uses the 2019 trial format, 2021 and later the 2021 format (years before 2019 have no report format:
/// their statistics table is imported, <see cref="Legacy.Pre2019Format"/>).
/// </summary>
public sealed record ReportFormat(string Id, string Name, IReadOnlyList<string> Sections, IReadOnlyList<ReportGrid> Table2, ReportGrid Table3, ReportGrid Table4)
{
    public IReadOnlyList<ReportGrid> Grids => [.. Table2, Table3, Table4];

    /// <summary>The rows of table 三 that count closed requests (between 二、上年结转 and （七）总计).</summary>
    public IReadOnlyList<GridRow> OutcomeRows => [.. Table3.Rows.Where(r => r.Key is not ("new" or "carried" or "closed" or "out"))];

    /// <summary>Cells that may hold decimals (amounts in 万元); every other cell is a count (rule R8).</summary>
    public IReadOnlySet<string> DecimalCells { get; } = new HashSet<string>
    {
        NationalFormat2021.Item8.CellId("fees", "amount"), TrialFormat2019.Item9.CellId("purchase", "amount"),
    };

    public static ReportFormat National2021 { get; } = new(NationalFormat2021.Id, NationalFormat2021.Name, NationalFormat2021.Sections,
        [NationalFormat2021.Item1, NationalFormat2021.Item5, NationalFormat2021.Item6, NationalFormat2021.Item8], NationalFormat2021.Table3, NationalFormat2021.Table4);

    public static ReportFormat Trial2019 { get; } = new(TrialFormat2019.Id, TrialFormat2019.Name, NationalFormat2021.Sections,
        [TrialFormat2019.Item1, TrialFormat2019.Item5, TrialFormat2019.Item6, TrialFormat2019.Item8, TrialFormat2019.Item9], TrialFormat2019.Table3, TrialFormat2019.Table4);

    public static IReadOnlyList<ReportFormat> All { get; } = [National2021, Trial2019];

    /// <summary>The first year of the report formats (the 2019 Regulation); earlier years have imported statistics tables.</summary>
    public const int FirstYear = 2019;

    /// <summary>The format of a year's report: 2019 and 2020 the trial format, later years the 2021 format.</summary>
    public static ReportFormat ForYear(int year) => year < 2021 ? Trial2019 : National2021;
}
