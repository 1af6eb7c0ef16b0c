using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Platform.Documents;
using Gongkai.Platform.Organisation;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Statistics;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Tests.Reports;

/// <summary>
/// Published reports made with the platform's own renderers from known figures (the PDF of <see cref="ReportPdf"/>, the
/// HTML of <see cref="ReportDocument"/> as a browser copies it to text, and a Word file whose tables are the national
/// layout of <see cref="ReportMatrix"/> with merged cells, as a clerk's Word report has them), for import round trips.
/// </summary>
public static class PublishedReports
{
    public static readonly Organ Organ = new() { Code = "XC099", ShortName = "测试局", FullName = "北京市西城区测试局", Kind = OrganKind.Department };

    /// <summary>
    /// Every cell of a format filled from a seed: table 三 consistent by R1–R3, table 四 by R5, table 二 with a
    /// decimal fee amount (2021) or a negative 本年增/减 (2019 trial), figures above 1,000 here and there.
    /// </summary>
    public static ReportFigures Figures(ReportFormat format, int seed)
    {
        var random = new Random(seed);
        var cells = new Dictionary<string, decimal>();
        foreach (var g in format.Table2)
        {
            foreach (var r in g.Rows)
            {
                foreach (var c in g.Columns)
                {
                    cells[g.CellId(r.Key, c.Key)] = c.Key == "change" ? random.Next(-5, 6) : random.Next(0, 40);
                }
            }
        }

        if (format == ReportFormat.National2021)
        {
            cells[NationalFormat2021.Item8.CellId("fees", "amount")] = 12.3456m;
            cells[NationalFormat2021.Item5.CellId("licensing", "decisions")] = 1234;
        }
        else
        {
            cells[TrialFormat2019.Item9.CellId("purchase", "amount")] = 86.5m;
        }

        var t3 = format.Table3;
        foreach (var c in t3.Columns.Where(c => c.Key != NationalFormat2021.TotalColumn))
        {
            var closed = 0;
            foreach (var o in format.OutcomeRows)
            {
                var v = random.Next(0, 4) == 0 ? random.Next(0, 30) : 0;
                cells[t3.CellId(o.Key, c.Key)] = v;
                closed += v;
            }

            var outward = random.Next(0, 10);
            var carried = random.Next(0, closed + outward + 1);
            cells[t3.CellId("closed", c.Key)] = closed;
            cells[t3.CellId("out", c.Key)] = outward;
            cells[t3.CellId("carried", c.Key)] = carried;
            cells[t3.CellId("new", c.Key)] = closed + outward - carried;
        }

        foreach (var r in t3.Rows)
        {
            cells[t3.CellId(r.Key, NationalFormat2021.TotalColumn)] = t3.Columns.Where(c => c.Key != NationalFormat2021.TotalColumn).Sum(c => cells[t3.CellId(r.Key, c.Key)]);
        }

        var t4 = format.Table4;
        foreach (var (key, _) in NationalFormat2021.AppealGroups)
        {
            var parts = new[] { "upheld", "corrected", "other", "pending" }.Select(p => (p, v: (decimal)random.Next(0, 6))).ToList();
            foreach (var (p, v) in parts)
            {
                cells[t4.CellId("all", $"{key}-{p}")] = v;
            }

            cells[t4.CellId("all", $"{key}-total")] = parts.Sum(p => p.v);
        }

        return new ReportFigures(cells);
    }

    public static RequestFigures NoRequests(int year) => new(StatisticsPeriod.Year(year), new Dictionary<(Gongkai.Requests.Intake.RequestChannel, Gongkai.Requests.Applicants.ApplicantType), int>(),
        new Dictionary<Gongkai.Requests.Applicants.ApplicantType, int>(), new Dictionary<(Gongkai.Requests.RequestOutcome, Gongkai.Requests.Applicants.ApplicantType), int>(),
        new Dictionary<Gongkai.Requests.Applicants.ApplicantType, int>(), 0, new Dictionary<Gongkai.Requests.Applicants.ApplicantType, int>(), 0, 0, 0);

    public static AnnualReportView View(int year, ReportFigures figures) =>
        new(Organ, year, new AnnualReport { Year = year, Overview = "2021年，本局共收到政府信息公开申请 120 件，办结 118 件。\n全年公开文件 35 件。", Problems = "一是公开内容不够及时。" },
            figures, NoRequests(year), "本年度未收取信息处理费。", []);

    public static byte[] Pdf(AnnualReportView view) => new ReportPdf(new DocumentFonts(new ConfigurationBuilder().Build())).Write(view);

    /// <summary>The standalone HTML as a browser copies it to text: a table row a line, its cells separated by tabs.</summary>
    public static string HtmlAsText(AnnualReportView view)
    {
        var html = ReportDocument.StandaloneHtml(view);
        html = Regex.Replace(html, "<style>.*?</style>|<title>.*?</title>", "");
        html = Regex.Replace(html, "</t[dh]>", "\t");
        html = Regex.Replace(html, "</tr>|</p>|</h\\d>|</caption>", "\n");
        return WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", ""));
    }

    /// <summary>A Word report: the six section headings, the narrative, and tables 二, 三, 四 as Word tables with merged cells.</summary>
    public static byte[] Word(AnnualReportView view)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            static Paragraph P(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            body.Append(P(ReportDocument.Title(view)));
            var s = view.Format.Sections;
            body.Append(P(s[0]));
            body.Append(ReportDocument.Overview(view).Split('\n').Select(P));
            body.Append(P(s[1]));
            foreach (var g in view.Format.Table2)
            {
                body.Append(P(g.Heading ?? ""));
                body.Append(Table(ReportMatrix.Of(g, view.Figures)));
            }

            body.Append(P(s[2]));
            body.Append(Table(ReportMatrix.Of(view.Format.Table3, view.Figures)));
            body.Append(P(s[3]));
            body.Append(Table(ReportMatrix.Of(view.Format.Table4, view.Figures)));
            body.Append(P(s[4]));
            body.Append(P(ReportDocument.Problems(view)));
            body.Append(P(s[5]));
            body.Append(P(ReportDocument.OtherMatters(view)));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table Table(ReportMatrix m)
    {
        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single },
            new InsideHorizontalBorder { Val = BorderValues.Single }, new InsideVerticalBorder { Val = BorderValues.Single })));
        for (var r = 0; r < m.Rows; r++)
        {
            var row = new TableRow();
            for (var c = 0; c < m.Columns;)
            {
                var start = m.Cells.FirstOrDefault(x => x.Row == r && x.Column == c);
                var above = m.Cells.FirstOrDefault(x => x.Row < r && x.Row + x.RowSpan > r && x.Column == c);
                var cell = start ?? above ?? throw new InvalidOperationException($"no cell at {r},{c}");
                var props = new TableCellProperties();
                if (cell.ColSpan > 1)
                {
                    props.Append(new GridSpan { Val = cell.ColSpan });
                }

                if (cell.RowSpan > 1)
                {
                    props.Append(new VerticalMerge { Val = start is null ? MergedCellValues.Continue : MergedCellValues.Restart });
                }

                row.Append(new TableCell(props, new Paragraph(start is null || cell.Text.Length == 0 ? [] : new Run(new Text(cell.Text)))));
                c += cell.ColSpan;
            }

            table.Append(row);
        }

        return table;
    }
}
