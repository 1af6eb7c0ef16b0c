using System.Text.Json;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Imports;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Reports;

namespace Gongkai.Tests.Reports;

/// <summary>
/// <c>gongkai report template --format 2019|2021</c> and <c>report import</c> of 2019-or-later reports (.txt, .pdf,
/// .docx, .xlsx) as a real process: the failed rules with their messages in <c>"checks"</c>, the imported year shown
/// by <c>report annual</c>, unreadable files refused with exit code 2.
/// </summary>
public sealed class ReportImportCliTests : IDisposable
{
    private readonly CliProcess cli = new("gk-report-import-cli-");

    private static JsonElement Failed(JsonElement json, string rule) =>
        json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == rule && c.GetProperty("outcome").GetString() == "Failed");

    [Fact]
    public async Task Templates_and_published_reports_of_each_format_import_with_their_checks()
    {
        // Templates of each format, filled and imported back.
        var t2019 = Path.Combine(cli.Folder, "t2019.xlsx");
        var (code, stdout, stderr) = await cli.RunAsync("report", "template", "--format", "2019", "--out", t2019);
        Assert.True(code == 0, stderr);
        Assert.Contains("国办公开办函〔2019〕60号", stdout);
        Assert.Contains("模板中没有填写任何数量", ImportThrows(File.ReadAllBytes(t2019), ReportFormat.Trial2019));
        (code, _, stderr) = await cli.RunAsync("report", "template", "--format", "2018", "--out", t2019);
        Assert.Equal(2, code);
        Assert.Contains("可选：2021", stderr);

        // The published text of 2022: table 四's 行政复议 total flagged there, as a warning; figures stored.
        var text = Path.Combine(AppContext.BaseDirectory, "Reports", "Published", "report-2022-format2021.txt");
        (code, stdout, stderr) = await cli.RunAsync("report", "import", "--organ", "XC015", "--year", "2022", "--file", text, "--json");
        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(ReportFormat.National2021.Grids.Sum(g => g.Rows.Count * g.Columns.Count), json.GetProperty("imported").GetInt32());
        var r5 = Failed(json, "R5");
        Assert.Equal("行政复议：总计为5，而2＋1＋0＋1＝4", r5.GetProperty("message").GetString());
        Assert.False(r5.GetProperty("hard").GetBoolean());
        Assert.Contains("四|all|reconsideration-total", r5.GetProperty("cells").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Passed", json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "R1").GetProperty("outcome").GetString());

        (code, stdout, stderr) = await cli.RunAsync("report", "annual", "--year", "2022", "--organ", "XC015", "--format", "json");
        Assert.True(code == 0, stderr);
        json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(1256, json.GetProperty("二").GetProperty("第二十条第（五）项").GetProperty("行政许可").GetProperty("本年处理决定数量").GetInt32());
        Assert.Equal("行政复议：总计为5，而2＋1＋0＋1＝4", Failed(json, "R5").GetProperty("message").GetString());

        // 2023 from the platform's PDF: R6 compares with the imported 2022 (carried 9 out of 2022).
        var figures = PublishedReports.Figures(ReportFormat.National2021, 5);
        var pdf = Path.Combine(cli.Folder, "2023.pdf");
        File.WriteAllBytes(pdf, PublishedReports.Pdf(PublishedReports.View(2023, figures)));
        (code, stdout, stderr) = await cli.RunAsync("report", "import", "--organ", "XC015", "--year", "2023", "--file", pdf, "--json");
        Assert.True(code == 0, stderr);
        json = JsonDocument.Parse(stdout).RootElement;
        var carried = figures.Value(ReportFormat.National2021.Table3, "carried", NationalFormat2021.TotalColumn);
        var r6 = json.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("rule").GetString() == "R6").ToList();
        Assert.Equal(carried == 9 ? "Passed" : "Failed", r6[0].GetProperty("outcome").GetString());
        if (carried != 9)
        {
            Assert.Contains(r6, c => c.GetProperty("message").GetString() == $"“总计”列：本年上年结转为{carried}，上年结转下年度为9");
        }

        // 2020 from a Word file (trial format), plain output.
        var docx = Path.Combine(cli.Folder, "2020.docx");
        File.WriteAllBytes(docx, PublishedReports.Word(PublishedReports.View(2020, PublishedReports.Figures(ReportFormat.Trial2019, 6))));
        (code, stdout, stderr) = await cli.RunAsync("report", "import", "--organ", "XC015", "--year", "2020", "--file", docx);
        Assert.True(code == 0, stderr);
        Assert.Contains("国办公开办函〔2019〕60号格式，Word文件", stdout);

        // A text that is not a report: refused, exit 2.
        var bad = Path.Combine(cli.Folder, "bad.txt");
        File.WriteAllText(bad, "一、总体情况\n无。");
        (code, _, stderr) = await cli.RunAsync("report", "import", "--organ", "XC015", "--year", "2021", "--file", bad, "--json");
        Assert.Equal(2, code);
        Assert.Contains("没有找到标题“二、主动公开政府信息情况”", stderr);
    }

    private static string ImportThrows(byte[] file, ReportFormat format) =>
        Assert.Throws<Gongkai.Platform.ValidationFailure>(() => ImportPublishedReport.Read(file, format)).Message;

    public void Dispose() => cli.Dispose();
}
