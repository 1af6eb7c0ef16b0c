using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gongkai.Platform;

namespace Gongkai.Reports.Annual;

/// <summary>The whole report in the national layout: six sections, tables 二 (four blocks), 三, 四; as HTML and JSON.</summary>
public static class ReportDocument
{
    public static string Title(AnnualReportView v) => $"{v.Organ.FullName}{v.Year}年政府信息公开工作年度报告";


    public static string Overview(AnnualReportView v) => ReportText.Fill(v.Saved?.Overview, v.Figures);

    public static string Problems(AnnualReportView v) => ReportText.Fill(v.Saved?.Problems, v.Figures);

    public static string OtherMatters(AnnualReportView v) =>
        string.Join("\n", new[] { v.FeeLine, ReportText.Fill(v.Saved?.OtherMatters, v.Figures) }.Where(t => !string.IsNullOrWhiteSpace(t)));

    private static string Paragraphs(string text) =>
        string.Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));

    /// <summary>The body (sections and tables) for a page or a catalogue document.</summary>
    public static string BodyHtml(AnnualReportView v, Func<string, string?>? link = null, Func<string, IEnumerable<RuleResult>>? failures = null)
    {
        var s = v.Format.Sections;
        var sb = new StringBuilder();
        var owner = link is null ? null : $"{v.Organ.FullName} {v.Year}年";
        sb.Append($"<section id=\"section-1\"><h2>{s[0]}</h2>{Paragraphs(Overview(v))}</section>");
        sb.Append($"<section id=\"section-2\"><h2>{s[1]}</h2>");
        foreach (var g in v.Format.Table2)
        {
            sb.Append(ReportLayout.Html(g, v.Figures, link, failures, owner));
        }

        sb.Append("</section>");
        sb.Append($"<section id=\"section-3\"><h2>{s[2]}</h2>{ReportLayout.Html(v.Format.Table3, v.Figures, link, failures, owner)}</section>");
        sb.Append($"<section id=\"section-4\"><h2>{s[3]}</h2>{ReportLayout.Html(v.Format.Table4, v.Figures, link, failures, owner)}</section>");
        sb.Append($"<section id=\"section-5\"><h2>{s[4]}</h2>{Paragraphs(Problems(v))}</section>");
        sb.Append($"<section id=\"section-6\"><h2>{s[5]}</h2>{Paragraphs(OtherMatters(v))}</section>");
        return sb.ToString();
    }

    /// <summary>A standalone HTML file (CLI <c>--format html</c>).</summary>
    public static string StandaloneHtml(AnnualReportView v)
    {
        var title = WebUtility.HtmlEncode(Title(v));
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title + "</title>" +
            "<style>body{font-family:sans-serif;max-width:60em;margin:auto}table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #333;padding:.25em .5em}td{text-align:right}</style>" +
            "</head><body><h1>" + title + "</h1>" + BodyHtml(v) + "</body></html>";
    }

    public static JsonObject Json(AnnualReportView v)
    {
        var tables = ReportLayout.Json(v.Format.Grids, v.Figures);
        var s = v.Format.Sections;
        var root = new JsonObject
        {
            ["title"] = Title(v),
            ["organ"] = new JsonObject { ["code"] = v.Organ.Code, ["name"] = v.Organ.FullName },
            ["year"] = v.Year,
            ["format"] = v.Format.Name,
            ["status"] = (v.Saved?.Status ?? ReportStatus.Draft).ToString(),
            [s[0]] = Overview(v),
            ["二"] = tables["二"]!.DeepClone(),
            ["三"] = tables["三"]!.DeepClone(),
            ["四"] = tables["四"]!.DeepClone(),
            [s[4]] = Problems(v),
            [s[5]] = OtherMatters(v),
            ["checks"] = new JsonArray([.. v.Rules.Select(r => (JsonNode)new JsonObject
            {
                ["rule"] = r.Rule,
                ["hard"] = r.Hard,
                ["outcome"] = r.Outcome.ToString(),
                ["message"] = r.Message,
                ["cells"] = new JsonArray([.. r.Cells.Select(c => (JsonNode)JsonValue.Create(c))]),
            })]),
        };
        return root;
    }
}
