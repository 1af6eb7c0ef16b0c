using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Gongkai.Reports.Annual;

/// <summary>
/// The tables of the national format laid out from their label paths: header cells spanning the columns they group,
/// row-label cells spanning the rows they group (表三 “三、本年度办理结果” spans its 22 rows), as HTML and as JSON
/// keyed by the printed labels.
/// </summary>
public static class ReportLayout
{
    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A header cell: text, column span, row span.</summary>
    public sealed record HeaderCell(string Text, int ColSpan, int RowSpan);

    /// <summary>Header rows of the grid's columns (without the corner).</summary>
    public static List<List<HeaderCell>> HeaderRows(ReportGrid grid)
    {
        var depth = grid.Columns.Max(c => c.Path.Count);
        var rows = new List<List<HeaderCell>>();
        for (var level = 0; level < depth; level++)
        {
            var row = new List<HeaderCell>();
            for (var i = 0; i < grid.Columns.Count;)
            {
                var c = grid.Columns[i];
                if (c.Path.Count - 1 < level)
                {
                    i++;
                    continue;
                }

                if (c.Path.Count - 1 == level)
                {
                    row.Add(new(c.Path[level], 1, depth - level));
                    i++;
                    continue;
                }

                var j = i;
                while (j < grid.Columns.Count && grid.Columns[j].Path.Count - 1 > level && grid.Columns[j].Path.Take(level + 1).SequenceEqual(c.Path.Take(level + 1)))
                {
                    j++;
                }

                row.Add(new(c.Path[level], j - i, 1));
                i = j;
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The label cells printed before each row's values.</summary>
    public static List<List<HeaderCell>> RowLabels(ReportGrid grid)
    {
        var depth = grid.Rows.Max(r => r.Path.Count);
        var result = new List<List<HeaderCell>>();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var row = grid.Rows[r];
            var cells = new List<HeaderCell>();
            for (var level = 0; level < row.Path.Count; level++)
            {
                if (level == row.Path.Count - 1)
                {
                    cells.Add(new(row.Path[level], depth - level, 1));
                    continue;
                }

                var prefix = row.Path.Take(level + 1).ToList();
                bool Shares(GridRow other) => other.Path.Count - 1 > level && other.Path.Take(level + 1).SequenceEqual(prefix);
                if (r > 0 && Shares(grid.Rows[r - 1]))
                {
                    continue;
                }

                var span = grid.Rows.Skip(r).TakeWhile(Shares).Count();
                cells.Add(new(row.Path[level], 1, span));
            }

            result.Add(cells);
        }

        return result;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>"区民政局 2026年 表三 三、本年度办理结果 （一）予以公开 自然人：0（查看记录）".</summary>
    public static string CellName(ReportGrid grid, GridRow row, GridColumn column, string? owner, string text)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(owner))
        {
            parts.Add(owner);
        }

        parts.Add("表" + grid.Table);
        if (grid.Heading is { Length: > 0 } heading)
        {
            parts.Add(heading);
        }

        parts.AddRange(row.Path);
        parts.AddRange(column.Path);
        return string.Join(" ", parts.Where(p => p.Length > 0)) + "：" + (text.Length == 0 ? "空" : text) + "（查看记录）";
    }

    /// <param name="link">The records list of a cell, or null.</param>
    /// <param name="failures">The failing rules shown next to a cell.</param>
    /// <param name="owner">Who and which year ("区民政局 2026年"): a linked cell is named by it, its table, row and column, so a
    /// screen reader's list of links says more than "0".</param>
    public static string Html(ReportGrid grid, ReportFigures figures, Func<string, string?>? link = null, Func<string, IEnumerable<RuleResult>>? failures = null,
        string? owner = null)
    {
        var sb = new StringBuilder();
        sb.Append($"<table class=\"report-table\" id=\"table-{E(grid.Key)}\">");
        var headers = HeaderRows(grid);
        var labelDepth = grid.Rows.Max(r => r.Path.Count);
        if (grid.Heading is not null)
        {
            sb.Append($"<caption>{E(grid.Heading)}</caption>");
        }

        sb.Append("<thead>");
        for (var h = 0; h < headers.Count; h++)
        {
            sb.Append("<tr>");
            if (h == 0 && labelDepth > 0)
            {
                sb.Append($"<th scope=\"col\" colspan=\"{labelDepth}\" rowspan=\"{headers.Count}\">{E(grid.Corner ?? "")}</th>");
            }

            foreach (var c in headers[h])
            {
                sb.Append($"<th scope=\"{(c.ColSpan > 1 ? "colgroup" : "col")}\" colspan=\"{c.ColSpan}\" rowspan=\"{c.RowSpan}\">{E(c.Text)}</th>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</thead><tbody>");
        var labels = RowLabels(grid);
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var row = grid.Rows[r];
            sb.Append("<tr>");
            foreach (var l in labels[r])
            {
                sb.Append($"<th scope=\"{(l.RowSpan > 1 ? "rowgroup" : "row")}\" colspan=\"{l.ColSpan}\" rowspan=\"{l.RowSpan}\">{E(l.Text)}</th>");
            }

            foreach (var c in grid.Columns)
            {
                var id = grid.CellId(row.Key, c.Key);
                var value = figures[id];
                var text = value is { } v ? Number(v) : "";
                var href = link?.Invoke(id);
                var fails = failures?.Invoke(id).ToList() ?? [];
                sb.Append($"<td data-cell=\"{E(id)}\"{(fails.Count > 0 ? " class=\"rule-failed\"" : "")}>");
                sb.Append(href is null
                    ? $"<span class=\"value\">{text}</span>"
                    : $"<a class=\"value\" href=\"{E(href)}\" aria-label=\"{E(CellName(grid, row, c, owner, text))}\">{text}</a>");
                foreach (var f in fails)
                {
                    sb.Append($"<span class=\"rule-failure\" data-rule=\"{f.Rule}\">{f.Rule}{(f.Hard ? "" : "（提示）")}：{E(f.Message)}</span>");
                }

                sb.Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    /// <summary>One JSON object per table (二, 三, 四), nested by the printed row labels, then the column labels.</summary>
    public static JsonObject Json(IEnumerable<ReportGrid> grids, ReportFigures figures)
    {
        var root = new JsonObject();
        foreach (var grid in grids)
        {
            if (root[grid.Table] is not JsonObject table)
            {
                table = new JsonObject();
                root[grid.Table] = table;
            }

            var holder = grid.Heading is null ? table : Child(table, grid.Heading);
            var flatColumns = grid.Columns.Select(c => c.Label).Distinct().Count() == grid.Columns.Count;
            foreach (var row in grid.Rows)
            {
                var node = row.Path.Aggregate(holder, Child);
                foreach (var c in grid.Columns)
                {
                    var path = flatColumns ? [c.Label] : c.Path;
                    var parent = path.Take(path.Count - 1).Aggregate(node, Child);
                    parent[path[^1]] = figures[grid.CellId(row.Key, c.Key)] is { } v ? JsonValue.Create(v) : null;
                }
            }
        }

        return root;
    }

    private static JsonObject Child(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }
}
