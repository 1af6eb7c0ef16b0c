using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Plans.Parsing;

namespace Gongkai.Tests.Plans;

/// <summary>
/// A plan typed in Word with automatic numbering: the heading and task numbers are in numbering.xml, not in the text.
/// The reader counts them back (一、/（一）/1.), so the parser sees the document as printed.
/// </summary>
public sealed class WordNumberingTests
{
    /// <summary>Levels: 0 = "%1、" in 一二三, 1 = "（%2）" in 一二三, 2 = "%3." in digits. Level 0 reaches paragraphs through the style "PlanHeading".</summary>
    private static byte[] Docx(bool withNumbering, params (int? Level, string Text)[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            if (withNumbering)
            {
                var numbering = main.AddNewPart<NumberingDefinitionsPart>();
                numbering.Numbering = new Numbering(
                    new AbstractNum(
                        Level(0, NumberFormatValues.ChineseCounting, "%1、"),
                        Level(1, NumberFormatValues.ChineseCounting, "（%2）"),
                        Level(2, NumberFormatValues.Decimal, "%3."))
                    { AbstractNumberId = 7 },
                    new NumberingInstance(new AbstractNumId { Val = 7 }) { NumberID = 3 });
            }

            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new Style(
                new StyleName { Val = "Plan Heading" },
                new StyleParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 3 })))
            { Type = StyleValues.Paragraph, StyleId = "PlanHeading" });

            var body = new Body();
            foreach (var (level, text) in paragraphs)
            {
                var p = new Paragraph();
                if (level == 0)
                {
                    p.ParagraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = "PlanHeading" });
                }
                else if (level is { } l)
                {
                    p.ParagraphProperties = new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = l }, new NumberingId { Val = 3 }));
                }

                p.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                body.Append(p);
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Level Level(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };

    private static readonly (int?, string)[] Plan =
    [
        (null, "西城区2026年政务公开工作要点"),
        (0, "推进决策公开"),
        (1, "重大决策预公开"),
        (2, "做好重大行政决策事项目录公开。（区政府办牵头，区司法局负责落实，完成时限：2026年6月）"),
        (2, "做好政策解读。（区发展改革委负责落实，完成时限：2026年10月）"),
        (1, "政策解读回应"),
        (2, "做好政策问答库建设。（区财政局负责落实，完成时限：2026年9月）"),
        (0, "推进执行公开"),
        (1, "重点民生"),
        (2, "做好重点民生实事进展公开。（区民政局负责落实，完成时限：2026年12月）"),
    ];

    [Fact]
    public void Automatic_numbers_are_counted_back_from_the_numbering_definitions()
    {
        var text = PlanDocumentReader.Read(Docx(true, Plan), "plan.docx");
        Assert.Contains("一、推进决策公开\n（一）重大决策预公开\n1.做好重大行政决策事项目录公开。", text);
        Assert.Contains("（二）政策解读回应\n1.做好政策问答库建设。", text);
        Assert.Contains("二、推进执行公开\n（一）重点民生\n1.做好重点民生实事进展公开。", text);

        var plan = PlanParser.Parse(text);
        Assert.Equal(["1", "2", "1", "1"], plan.Tasks.Select(t => t.Number));
        Assert.Equal(["一、推进决策公开", "（一）重大决策预公开"], plan.Tasks[1].Path);
        Assert.Equal(["一、推进决策公开", "（二）政策解读回应"], plan.Tasks[2].Path);
        Assert.Equal(["二、推进执行公开", "（一）重点民生"], plan.Tasks[3].Path);
        Assert.Equal(["区司法局"], plan.Tasks[0].ResponsibleUnits);
        Assert.Equal(["区政府办"], plan.Tasks[0].LeadUnits);
        Assert.Equal(new DateOnly(2026, 9, 30), plan.Tasks[2].Deadline.Due);
    }

    [Fact]
    public void Numbering_without_its_definitions_is_reported_clearly()
    {
        var e = Assert.Throws<PlanParseException>(() => PlanDocumentReader.Read(Docx(false, Plan), "plan.docx"));
        Assert.Contains("使用自动编号，但文件中找不到对应的编号定义", e.Message);
    }

    [Theory]
    [InlineData("chineseCounting", 1, "一")]
    [InlineData("chineseCounting", 10, "十")]
    [InlineData("chineseCounting", 12, "十二")]
    [InlineData("chineseCounting", 20, "二十")]
    [InlineData("chineseCounting", 35, "三十五")]
    [InlineData("decimal", 12, "12")]
    [InlineData("decimalFullWidth", 12, "１２")]
    [InlineData("decimalEnclosedCircle", 3, "③")]
    public void Word_number_formats(string format, int n, string expected) => Assert.Equal(expected, WordNumbering.Format(format, n));
}
