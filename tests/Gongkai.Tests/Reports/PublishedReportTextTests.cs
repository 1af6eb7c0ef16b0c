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
}
