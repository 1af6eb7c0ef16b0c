using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Platform;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Legacy;

namespace Gongkai.Tests.Reports;

/// <summary>
/// Import of a published pre-2019 statistics table through the template the app offers: the 2016 西城 report's figures
/// (the 2016 annual report, its figures typed into the test below) flag 1,466 received against 1,473 by channel and 5,196 responses against 5,755 by kind; bad
/// cells are refused with the row named.
/// </summary>
public sealed class Pre2019ImportTests
{
    /// <summary>The figures printed in the 西城 2016 report (seed 002).</summary>
    public static readonly (string Label, string Value)[] Xicheng2016 =
    [
        ("主动公开政府信息数", "14690"), ("其中：主动公开规范性文件数", "16"),
        ("政府公报公开政府信息数", "22"), ("政府网站公开政府信息数", "14029"), ("政务微博公开政府信息数", "12405"), ("政务微信公开政府信息数", "4055"), ("其他方式公开政府信息数", "2235"),
        ("回应公众关注热点或重大舆情数", "5196"), ("参加或举办新闻发布会总次数", "56"), ("其中：主要负责同志参加新闻发布会次数", "23"),
        ("政府网站在线访谈次数", "5"), ("其中：主要负责同志参加政府网站在线访谈次数", "3"), ("政策解读稿件发布数", "259"), ("微博微信回应事件数", "94"), ("其他方式回应事件数", "5341"),
        ("收到申请数", "1466"), ("当面申请数", "765"), ("网络申请数", "58"), ("信函申请数", "650"),
        ("申请答复数", "1445"), ("属于已主动公开范围数", "81"), ("同意公开答复数", "398"), ("同意部分公开答复数", "61"), ("不同意公开答复数", "43"),
        ("申请信息不存在数", "351"), ("不属于本行政机关公开数", "280"), ("告知作出更改补充数", "68"), ("非政府信息数", "158"), ("已移送档案馆数", "5"),
        ("维持具体行政行为数", "101"), ("被依法纠错数（行政复议）", "32"), ("其他情形数（行政复议）", "19"),
        ("维持具体行政行为或者驳回原告诉讼请求数", "160"), ("被依法纠错数（行政诉讼）", "7"), ("其他情形数（行政诉讼）", "67"),
        ("举报投诉数量", "0"), ("政府信息公开工作专门机构数", "1"), ("设置政府信息公开查阅点数", "42"), ("从事政府信息公开工作人员数", "158"),
        ("召开政府信息公开工作会议或专题会议数", "149"), ("举办各类培训班数", "103"), ("接受培训人员数", "6891"),
    ];

    /// <summary>Fills the app's template the way a clerk does: the value in column B of the row with the label.</summary>
    public static byte[] Fill(IEnumerable<(string Label, string Value)> values, params (string Label, string Value)[] extraRows)
    {
        var stream = new MemoryStream();
        stream.Write(ImportReport.Template());
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var data = sheet.GetFirstChild<SheetData>()!;
            var map = values.ToDictionary(v => v.Label, v => v.Value);
            foreach (var row in data.Elements<Row>().Skip(1))
            {
                var label = row.Elements<Cell>().First().InnerText;
                if (map.TryGetValue(label, out var value))
                {
                    var b = row.Elements<Cell>().ElementAt(1);
                    b.DataType = CellValues.Number;
                    b.InlineString = null;
                    b.CellValue = new CellValue(value);
                }
            }

            var next = (uint)data.Elements<Row>().Count() + 1;
            foreach (var (label, value) in extraRows)
            {
                var row = new Row { RowIndex = next };
                row.Append(new Cell { CellReference = $"A{next}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(label)) },
                    new Cell { CellReference = $"B{next}", DataType = CellValues.String, CellValue = new CellValue(value) });
                data.Append(row);
                next++;
            }

            sheet.Save();
        }

        return stream.ToArray();
    }

    [Fact]
    public void Importing_the_2016_xicheng_figures_flags_the_two_inconsistencies_of_the_published_report()
    {
        var imported = ImportReport.Parse(Fill(Xicheng2016));
        Assert.Equal(Xicheng2016.Length, imported.Values.Count);
        Assert.Equal(1466, imported.Values["received"]);
        var warnings = imported.Warnings.ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Equal("L1", warnings[0].Rule);
        Assert.Equal("收到申请数为1466，而当面申请数765＋网络申请数58＋信函申请数650＝1473", warnings[0].Message);
        Assert.Equal("L2", warnings[1].Rule);
        Assert.Equal("回应公众关注热点或重大舆情数为5196，而参加或举办新闻发布会总次数56＋政府网站在线访谈次数5＋政策解读稿件发布数259＋微博微信回应事件数94＋其他方式回应事件数5341＝5755",
            warnings[1].Message);
        // The replies add up: 81+398+61+43+351+280+68+158+5 = 1445.
        Assert.Equal(RuleOutcome.Passed, imported.Checks.Single(c => c.Rule == "L3").Outcome);
    }

    [Fact]
    public void Consistent_figures_import_without_warnings()
    {
        var fixedUp = Xicheng2016.Select(v => v.Label == "收到申请数" ? (v.Label, "1473") : v.Label == "回应公众关注热点或重大舆情数" ? (v.Label, "5755") : v).ToList();
        Assert.Empty(ImportReport.Parse(Fill(fixedUp)).Warnings);
    }

    [Theory]
    [InlineData("当面申请数", "-5", "第19行“当面申请数”的数量-5为负数，数量不能为负。")]
    [InlineData("当面申请数", "76.5", "第19行“当面申请数”的数量76.5不是整数（单位：件）。")]
    public void Negative_and_non_integer_counts_are_refused_with_the_row(string label, string value, string message)
    {
        var e = Assert.Throws<ValidationFailure>(() => ImportReport.Parse(Fill(Xicheng2016.Select(v => v.Label == label ? (v.Label, value) : v))));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_fractional_fee_is_accepted_and_unknown_labels_and_text_are_refused()
    {
        Assert.Equal(0.038m, ImportReport.Parse(Fill([.. Xicheng2016, ("依申请公开信息收取的费用", "0.038")])).Values["fees"]);
        var unknown = Assert.Throws<ValidationFailure>(() => ImportReport.Parse(Fill(Xicheng2016, ("咨询人次", "51911"))));
        Assert.Equal($"第{Pre2019Format.Rows.Count + 2}行的项目“咨询人次”不是统计表中的项目，请使用系统提供的模板，不要修改项目名称。", unknown.Message);
        var text = Assert.Throws<ValidationFailure>(() => ImportReport.Parse(Fill(Xicheng2016, ("举报投诉数量", "无"))));
        Assert.Contains("数量“无”不是数字", text.Message);
        Assert.Contains("不是有效的Excel", Assert.Throws<ValidationFailure>(() => ImportReport.Parse("not a workbook"u8.ToArray())).Message);
    }
}
