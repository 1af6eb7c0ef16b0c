namespace Gongkai.Reports.Annual;

/// <summary>One placed cell of a table in the national layout: position, spans, text; value cells carry their cell id.</summary>
public sealed record PlacedCell(int Row, int Column, int RowSpan, int ColSpan, string Text, string? CellId, bool Header);

/// <summary>
/// A table of the format laid out on a grid of rows and columns (header rows first, then the data rows; row-label
/// columns first, then the value columns), for the PDF and the Excel file; the HTML uses the same spans.
/// </summary>
public sealed record ReportMatrix(ReportGrid Grid, int Rows, int Columns, int HeaderRows, int LabelColumns, IReadOnlyList<PlacedCell> Cells)
{
    public static ReportMatrix Of(ReportGrid grid, ReportFigures figures)
    {
        var headers = ReportLayout.HeaderRows(grid);
        var labelDepth = grid.Rows.Max(r => r.Path.Count);
        var cells = new List<PlacedCell>();
        if (labelDepth > 0)
        {
            cells.Add(new(0, 0, headers.Count, labelDepth, grid.Corner ?? "", null, true));
        }

        // Header cells: walk each header row, skipping columns covered by spans from above.
        var covered = new bool[headers.Count, grid.Columns.Count];
        for (var h = 0; h < headers.Count; h++)
        {
            var col = 0;
            foreach (var c in headers[h])
            {
                while (covered[h, col])
                {
                    col++;
                }

                cells.Add(new(h, labelDepth + col, c.RowSpan, c.ColSpan, c.Text, null, true));
                for (var dr = 0; dr < c.RowSpan; dr++)
                {
                    for (var dc = 0; dc < c.ColSpan; dc++)
                    {
                        covered[h + dr, col + dc] = true;
                    }
                }

                col += c.ColSpan;
            }
        }

        var labels = ReportLayout.RowLabels(grid);
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var row = headers.Count + r;
            var level = 0;
            foreach (var l in labels[r])
            {
                // A label cell sits at its level: the levels of groups started above are already covered.
                var i = grid.Rows[r].Path.ToList().IndexOf(l.Text);
                level = i >= 0 ? i : level;
                cells.Add(new(row, level, l.RowSpan, l.ColSpan, l.Text, null, true));
                level += l.ColSpan;
            }

            for (var c = 0; c < grid.Columns.Count; c++)
            {
                var id = grid.CellId(grid.Rows[r].Key, grid.Columns[c].Key);
                cells.Add(new(row, labelDepth + c, 1, 1, figures[id] is { } v ? ReportLayout.Number(v) : "", id, false));
            }
        }

        return new(grid, headers.Count + grid.Rows.Count, labelDepth + grid.Columns.Count, headers.Count, labelDepth, cells);
    }
}
