namespace Gongkai.Reports.Annual;

/// <summary>A row of a report table: a stable key and its label path as printed (group labels first).</summary>
public sealed record GridRow(string Key, IReadOnlyList<string> Path)
{
    public string Label => Path.Count == 0 ? "" : Path[^1];
}

/// <summary>A column of a report table: a stable key and its header path as printed (spanning headers first).</summary>
public sealed record GridColumn(string Key, IReadOnlyList<string> Path)
{
    public string Label => Path[^1];
}

/// <summary>
/// One block of a table of the national format (table 二 has four, 三 and 四 one each): its heading, the label of the
/// corner cell, its columns and rows. Cells are addressed as <c>grid|row|column</c>.
/// </summary>
public sealed record ReportGrid(string Table, string Key, string? Heading, string? Corner, IReadOnlyList<GridColumn> Columns, IReadOnlyList<GridRow> Rows)
{
    public string CellId(string row, string column) => $"{Key}|{row}|{column}";

    public GridRow Row(string key) => Rows.Single(r => r.Key == key);

    public GridColumn Column(string key) => Columns.Single(c => c.Key == key);
}
