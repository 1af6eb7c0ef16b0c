using System.Text;
using Gongkai.Plans.Parsing;
using Gongkai.Platform;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Imports;

namespace Gongkai.Tests.Reports;

/// <summary>
/// The text-table reader of published reports: round trips through the platform's own PDF, HTML and a Word file of the
/// national layout for both formats (every cell back exactly), and hand-written layouts of published reports — labels
/// split over lines, a table broken by a page number and a repeated header, full-width digits, blank cells, figures
/// glued to labels — and the refusals that name the row.
/// </summary>
public sealed class PublishedReportTextTests
{
    public static TheoryData<int, int> Years => new() { { 2020, 1 }, { 2020, 2 }, { 2023, 3 }, { 2024, 4 } };

    private static void AssertSame(ReportFigures expected, IReadOnlyDictionary<string, decimal> read)
    {
        Assert.Equal(expected.Cells.Count, read.Count);
        foreach (var (id, v) in expected.Cells)
        {
            Assert.True(read.TryGetValue(id, out var got), $"missing {id}");
            Assert.True(v == got, $"{Reconciliation.Describe(id)}: expected {v}, read {got}");
        }
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void The_platforms_pdf_reads_back_exactly(int year, int seed)
    {
        var format = ReportFormat.ForYear(year);
        var figures = PublishedReports.Figures(format, seed);
        var text = PlanDocumentReader.Read(PublishedReports.Pdf(PublishedReports.View(year, figures)), keepLayout: true);
        AssertSame(figures, PublishedReportText.Read(text, format));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void The_platforms_html_copied_as_text_reads_back_exactly(int year, int seed)
    {
        var format = ReportFormat.ForYear(year);
        var figures = PublishedReports.Figures(format, seed);
        AssertSame(figures, PublishedReportText.Read(PublishedReports.HtmlAsText(PublishedReports.View(year, figures)), format));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void A_word_report_with_the_national_tables_reads_back_exactly(int year, int seed)
    {
        var format = ReportFormat.ForYear(year);
        var figures = PublishedReports.Figures(format, seed);
        var text = PlanDocumentReader.Read(PublishedReports.Word(PublishedReports.View(year, figures)), keepLayout: true);
        AssertSame(figures, PublishedReportText.Read(text, format));
    }

    [Fact]
    public void Labels_are_compared_without_whitespace_line_breaks_or_width()
    {
        Assert.Equal(PublishedReportText.Normalise("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            PublishedReportText.Normalise("(二)部分公开(区分处理的,只计这一情\n  形，不计其他情形）"));
        Assert.Equal(PublishedReportText.Normalise("3.危及“三安全一稳定”"), PublishedReportText.Normalise("３．危及\"三安全一稳定\""));
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reports", "Published", name));

    /// <summary>
    /// The hand-written text as a Word file: tab-separated lines become rows of a Word table (one cell per field, empty
    /// fields empty cells), other lines paragraphs; page numbers are dropped (Word keeps them in the footer).
    /// </summary>
    public static byte[] FixtureAsWord(string name)
    {
        using var stream = new MemoryStream();
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new DocumentFormat.OpenXml.Wordprocessing.Body();
            static DocumentFormat.OpenXml.Wordprocessing.Paragraph P(string text) =>
                new(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
            DocumentFormat.OpenXml.Wordprocessing.Table? table = null;
            foreach (var raw in Fixture(name).Split('\n'))
            {
                var line = raw.TrimStart('\f');
                if (line.Trim() is "2" or "- 3 -" or "- 4 -")
                {
                    continue;
                }

                if (line.Contains('\t'))
                {
                    if (table is null)
                    {
                        table = new DocumentFormat.OpenXml.Wordprocessing.Table();
                        body.Append(table);
                    }

                    table.Append(new DocumentFormat.OpenXml.Wordprocessing.TableRow(line.Split('\t').Select(f =>
                        new DocumentFormat.OpenXml.Wordprocessing.TableCell(f.Length == 0 ? new DocumentFormat.OpenXml.Wordprocessing.Paragraph() : P(f)))));
                    continue;
                }

                table = null;
                body.Append(P(line));
            }

            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AssertRow(IReadOnlyDictionary<string, decimal> cells, ReportGrid grid, string row, params decimal[] values) =>
        Assert.Equal(values, grid.Columns.Select(c => cells[grid.CellId(row, c.Key)]));

    /// <summary>What the 2022 fixture prints, row by row (blank cells and “-” as 0).</summary>
    internal static void Assert2022(IReadOnlyDictionary<string, decimal> cells)
    {
        var f = ReportFormat.National2021;
        Assert.Equal(f.Grids.Sum(g => g.Rows.Count * g.Columns.Count), cells.Count);
        AssertRow(cells, NationalFormat2021.Item1, "rules", 0, 0, 0);
        AssertRow(cells, NationalFormat2021.Item1, "normative", 3, 1, 12);
        AssertRow(cells, NationalFormat2021.Item5, "licensing", 1256);
        AssertRow(cells, NationalFormat2021.Item6, "penalty", 37);
        AssertRow(cells, NationalFormat2021.Item6, "coercion", 0);
        AssertRow(cells, NationalFormat2021.Item8, "fees", 0.35m);
        var t3 = f.Table3;
        AssertRow(cells, t3, "new", 80, 4, 0, 0, 2, 0, 86);
        AssertRow(cells, t3, "carried", 5, 0, 0, 0, 0, 0, 5);
        AssertRow(cells, t3, "o10", 30, 2, 0, 0, 1, 0, 33);
        AssertRow(cells, t3, "o20", 8, 0, 0, 0, 0, 0, 8);
        AssertRow(cells, t3, "o31", 0, 0, 0, 0, 0, 0, 0);
        AssertRow(cells, t3, "o34", 2, 0, 0, 0, 0, 0, 2);
        AssertRow(cells, t3, "o36", 1, 0, 0, 0, 0, 0, 1);
        AssertRow(cells, t3, "o41", 25, 1, 0, 0, 1, 0, 27);
        AssertRow(cells, t3, "o51", 2, 0, 0, 0, 0, 0, 2);
        AssertRow(cells, t3, "o52", 1, 0, 0, 0, 0, 0, 1);
        AssertRow(cells, t3, "o53", 0, 0, 0, 0, 0, 0, 0);
        AssertRow(cells, t3, "o61", 4, 0, 0, 0, 0, 0, 4);
        AssertRow(cells, t3, "o63", 1, 0, 0, 0, 0, 0, 1);
        AssertRow(cells, t3, "closed", 77, 3, 0, 0, 2, 0, 82);
        AssertRow(cells, t3, "out", 8, 1, 0, 0, 0, 0, 9);
        AssertRow(cells, f.Table4, "all", 2, 1, 0, 1, 5, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0);
    }

    [Fact]
    public void A_2021_format_report_as_pdftotext_gives_it_reads_every_row()
    {
        Assert2022(PublishedReportText.Read(Fixture("report-2022-format2021.txt"), ReportFormat.National2021));
    }

    [Fact]
    public void The_same_report_as_a_word_file_with_its_tables_reads_every_row()
    {
        Assert2022(PublishedReportText.Read(PlanDocumentReader.Read(FixtureAsWord("report-2022-format2021.txt"), keepLayout: true), ReportFormat.National2021));
    }

    [Fact]
    public void A_2019_trial_format_report_with_one_cell_a_line_and_empty_rows_reads_every_row()
    {
        var cells = PublishedReportText.Read(Fixture("report-2020-format2019.txt"), ReportFormat.Trial2019);
        Assert.Equal(ReportFormat.Trial2019.Grids.Sum(g => g.Rows.Count * g.Columns.Count), cells.Count);
        AssertRow(cells, TrialFormat2019.Item1, "normative", 2, 2, 15);
        AssertRow(cells, TrialFormat2019.Item5, "licensing", 10, -2, 340);
        AssertRow(cells, TrialFormat2019.Item5, "services", 4, 0, 0);
        AssertRow(cells, TrialFormat2019.Item6, "penalty", 6, 1, 52);
        AssertRow(cells, TrialFormat2019.Item8, "fees", 0, 0);
        AssertRow(cells, TrialFormat2019.Item9, "purchase", 3, 45.6m);
        AssertRow(cells, TrialFormat2019.Table3, "o20", 1, 0, 0, 0, 0, 0, 1);
        AssertRow(cells, TrialFormat2019.Table3, "o31", 0, 0, 0, 0, 0, 0, 0);
        AssertRow(cells, TrialFormat2019.Table3, "o41", 3, 1, 0, 0, 0, 0, 4);
        AssertRow(cells, TrialFormat2019.Table3, TrialFormat2019.OtherHandlingKey, 1, 0, 0, 0, 0, 0, 1);
        AssertRow(cells, TrialFormat2019.Table3, "closed", 10, 2, 0, 0, 0, 0, 12);
        AssertRow(cells, TrialFormat2019.Table4, "all", 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var checks = Reconciliation.Check(new ReportFigures(cells), null, computedFromRecords: false, 0, ReportFormat.Trial2019);
        Assert.DoesNotContain(checks, c => c.Outcome == RuleOutcome.Failed && c.Rule != "R8");
        Assert.Contains(checks, c => c.Rule == "R8" && c.Message.Contains("本年增/减") && c.Message.Contains("-2"));
    }

    [Theory]
    [InlineData("page-number", "（一）予以公开 1 0 0 0 0 0 1\n- 7 -\n\f（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0")]
    [InlineData("bare-page-number", "（一）予以公开 1 0 0 0 0 0 1\n7\n\f某局2023年报告\n（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0")]
    [InlineData("page-of", "（一）予以公开 1 0 0 0 0 0 1\n第 7 页 / 共 9 页\n（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0")]
    [InlineData("label-split-by-figures", "（一）予以公开 1 0 0 0 0 0 1\n（二）部分公开（区分处理 0 0 0 0 0 0 0 的，只计这一情形，不计其他情形）")]
    [InlineData("glued", "（一）予以公开1 0 0 0 0 0 1（二）部分公开（区分处理的，只计这一情形，不计其他情形）0 0 0 0 0 0 0")]
    [InlineData("one-a-line", "（一）予以\n公开\n1\n0\n0\n0\n0\n0\n1\n（二）部分公开（区分处理的，\n只计这一情形，不计其他情形）")]
    [InlineData("full-width", "（一）予以公开　１　０　０　０　０　０　１\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）　－　－　－　－　－　－　－")]
    [InlineData("tabs", "（一）予以公开\t1\t\t\t\t\t\t1\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t\t\t\t\t\t")]
    public void Table_3_layouts_read_the_same(string layout, string rows)
    {
        var cells = PublishedReportText.Read(Table3Text(rows), ReportFormat.National2021);
        var t3 = ReportFormat.National2021.Table3;
        Assert.True(cells[t3.CellId("o10", "NaturalPerson")] == 1, layout);
        Assert.True(cells[t3.CellId("o10", "total")] == 1, layout);
        Assert.True(t3.Columns.All(c => cells[t3.CellId("o20", c.Key)] == 0), layout);
        Assert.True(t3.Columns.Sum(c => cells[t3.CellId("o10", c.Key)]) == 2, layout);
    }

    /// <summary>A 2021-format report whose table 三 rows (一) and (二) are the given text, every other row zeros.</summary>
    private static string Table3Text(string firstRows)
    {
        var f = ReportFormat.National2021;
        var sb = new StringBuilder();
        sb.AppendLine("某局2023年政府信息公开工作年度报告").AppendLine("一、总体情况").AppendLine("2023 年共收到申请 1 件。");
        sb.AppendLine(f.Sections[1]);
        foreach (var g in f.Table2)
        {
            sb.AppendLine(g.Heading).AppendLine(string.Join(" ", g.Columns.Select(c => c.Label)));
            foreach (var r in g.Rows)
            {
                sb.AppendLine(r.Label + " " + string.Join(" ", g.Columns.Select(_ => "0")));
            }
        }

        sb.AppendLine(f.Sections[2]).AppendLine("申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他");
        sb.AppendLine("一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1").AppendLine("二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0").AppendLine("三、本年度办理结果");
        sb.AppendLine(firstRows);
        foreach (var r in f.Table3.Rows.Skip(4))
        {
            sb.AppendLine(r.Label + (r.Key == "closed" ? " 1 0 0 0 0 0 1" : " 0 0 0 0 0 0 0"));
        }

        sb.AppendLine(f.Sections[3]).AppendLine("行政复议 行政诉讼").AppendLine(string.Join(" ", Enumerable.Repeat("0", 15)));
        sb.AppendLine(f.Sections[4]).AppendLine("无。");
        return sb.ToString();
    }

    [Fact]
    public void A_row_with_missing_figures_is_refused_with_the_row_and_what_was_read()
    {
        var e = Assert.Throws<ValidationFailure>(() => PublishedReportText.Read(Table3Text("（一）予以公开 1 1\n（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0"), ReportFormat.National2021));
        Assert.Equal("表三“三、本年度办理结果（一）予以公开”一行读到2个数字（1 1），应有7个（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）。请核对该行：空白单元格请填0或“-”，或改用该格式的Excel模板导入。", e.Message);
    }

    [Fact]
    public void A_missing_row_or_heading_or_another_formats_report_is_refused_by_name()
    {
        var noRow = Assert.Throws<ValidationFailure>(() => PublishedReportText.Read(Table3Text("（一）予以公开 1 0 0 0 0 0 1"), ReportFormat.National2021));
        Assert.Contains("表三中没有找到“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”一行", noRow.Message);
        var noHeading = Assert.Throws<ValidationFailure>(() => PublishedReportText.Read("一、总体情况\n本局今年工作顺利。", ReportFormat.National2021));
        Assert.StartsWith("没有找到标题“二、主动公开政府信息情况”", noHeading.Message);
        // A 2021-format report read as a 2020 one (the trial format): its table 二 labels are not there.
        var wrongFormat = Assert.Throws<ValidationFailure>(() => PublishedReportText.Read(Fixture("report-2022-format2021.txt"), ReportFormat.Trial2019));
        Assert.Contains("国办公开办函〔2019〕60号", wrongFormat.Message);
    }
}
