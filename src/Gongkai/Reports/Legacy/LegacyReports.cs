using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Reports.Annual;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Reports.Legacy;

/// <summary>A year before 2019 as the district published it: the imported 政府信息公开情况统计表 and its checks.</summary>
public sealed record LegacyReportView(Organ Organ, int Year, AnnualReport Saved, IReadOnlyDictionary<string, decimal> Values, IReadOnlyList<RuleResult> Checks)
{
    public string Title => $"{Organ.FullName}{Year}年政府信息公开情况统计表";
}

/// <summary>
/// Shows the statistics table of a year before 2019 from the figures imported by <see cref="ImportReport"/> (the records
/// of those years are not in the platform, so nothing is computed), in the same report view and the same downloads
/// (HTML, JSON) as the later formats, with the sums of the table checked again as on import.
/// </summary>
public sealed class LegacyReports(GongkaiDb db)
{
    public async Task<LegacyReportView> LoadAsync(Guid organId, int year, CancellationToken ct = default)
    {
        var organ = await db.Organs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organId, ct)
            ?? throw new ValidationFailure("该机关不存在。", "organ");
        var saved = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.OrganId == organId && r.Year == year && r.FormatId == Pre2019Format.Id, ct);
        if (saved?.PublishedFigures is not { } json)
        {
            throw new ValidationFailure(
                $"{organ.FullName}{year}年度适用2019年以前的《政府信息公开情况统计表》，尚未导入该年度已公布的统计表；请下载导入模板，填写后导入。", "year");
        }

        var values = JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? [];
        return new LegacyReportView(organ, year, saved, values, ImportReport.Check(values));
    }

    /// <summary>The table: one row per item (项目 · 单位 · 数量) under its block heading; items not imported stay empty.</summary>
    public static string Html(LegacyReportView v)
    {
        static string E(string t) => WebUtility.HtmlEncode(t);
        var failing = v.Checks.Where(c => c.Outcome == RuleOutcome.Failed).ToList();
        var sb = new StringBuilder();
        sb.Append("<table class=\"report-table\" id=\"table-pre2019\"><caption>").Append(E(Pre2019Format.Name)).Append("</caption>");
        sb.Append("<thead><tr><th scope=\"col\">统计指标</th><th scope=\"col\">单位</th><th scope=\"col\">数量</th></tr></thead><tbody>");
        foreach (var block in Pre2019Format.Rows.GroupBy(r => r.Block))
        {
            sb.Append($"<tr><th scope=\"rowgroup\" colspan=\"3\">{E(block.Key)}</th></tr>");
            foreach (var row in block)
            {
                var fails = failing.Where(c => c.Cells.Contains(row.Key)).ToList();
                var value = v.Values.TryGetValue(row.Key, out var d) ? ReportLayout.Number(d) : "";
                sb.Append($"<tr><th scope=\"row\">{E(row.Label)}</th><td>{E(row.Unit)}</td><td data-cell=\"{E(row.Key)}\"{(fails.Count > 0 ? " class=\"rule-failed\"" : "")}><span class=\"value\">{value}</span>");
                foreach (var f in fails)
                {
                    sb.Append($"<span class=\"rule-failure\" data-rule=\"{f.Rule}\">{f.Rule}（提示）：{E(f.Message)}</span>");
                }

                sb.Append("</td></tr>");
            }
        }

        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    /// <summary>The table as a file: JSON or HTML (the imported figures have no national print layout to render as PDF or Excel).</summary>
    public static ReportFile File(LegacyReportView v, ReportFileKind kind)
    {
        var name = $"{v.Organ.Code}-{v.Year}-政府信息公开情况统计表";
        return kind switch
        {
            ReportFileKind.Json => new(Encoding.UTF8.GetBytes(Json(v).ToJsonString(JsonOptions)), "application/json; charset=utf-8", name + ".json"),
            ReportFileKind.Html => new(Encoding.UTF8.GetBytes(StandaloneHtml(v)), "text/html; charset=utf-8", name + ".html"),
            _ => throw new ValidationFailure($"{v.Year}年度是导入的2019年以前统计表，可导出JSON或HTML格式，不提供PDF和Excel格式。", "format"),
        };
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string StandaloneHtml(LegacyReportView v)
    {
        var title = WebUtility.HtmlEncode(v.Title);
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title + "</title>" +
            "<style>body{font-family:sans-serif;max-width:60em;margin:auto}table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #333;padding:.25em .5em}td{text-align:right}</style>" +
            "</head><body><h1>" + title + "</h1>" + Html(v) + "</body></html>";
    }

    /// <summary>One key per block, the printed item labels inside, as the import template names them.</summary>
    public static JsonObject Json(LegacyReportView v)
    {
        var table = new JsonObject();
        foreach (var block in Pre2019Format.Rows.GroupBy(r => r.Block))
        {
            var node = new JsonObject();
            foreach (var row in block)
            {
                node[row.Label] = v.Values.TryGetValue(row.Key, out var d) ? JsonValue.Create(d) : null;
            }

            table[block.Key] = node;
        }

        return new JsonObject
        {
            ["title"] = v.Title,
            ["organ"] = new JsonObject { ["code"] = v.Organ.Code, ["name"] = v.Organ.FullName },
            ["year"] = v.Year,
            ["format"] = Pre2019Format.Name,
            ["status"] = v.Saved.Status.ToString(),
            ["统计表"] = table,
            ["checks"] = new JsonArray([.. v.Checks.Select(r => (JsonNode)new JsonObject
            {
                ["rule"] = r.Rule,
                ["outcome"] = r.Outcome.ToString(),
                ["message"] = r.Message,
            })]),
        };
    }
}
