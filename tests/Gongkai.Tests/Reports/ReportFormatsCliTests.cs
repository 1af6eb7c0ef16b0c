using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Reports;

/// <summary><c>gongkai report annual</c> for a year of the 2019 trial format and a year before 2019, as a real process.</summary>
public sealed class ReportFormatsCliTests : IDisposable
{
    private readonly CliProcess cli = new("gk-report-formats-cli-");

    [Fact]
    public async Task A_2020_report_is_in_the_trial_format_and_a_year_before_2019_needs_its_imported_table()
    {
        var (code, stdout, stderr) = await cli.RunAsync("report", "annual", "--year", "2020", "--organ", "XC015", "--format", "json");
        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("国办公开办函〔2019〕60号", json.GetProperty("format").GetString());
        Assert.Equal(0, json.GetProperty("三").GetProperty("三、本年度办理结果").GetProperty("（六）其他处理").GetProperty("总计").GetInt32());
        Assert.True(json.GetProperty("二").TryGetProperty("第二十条第（九）项", out _));

        (code, stdout, stderr) = await cli.RunAsync("report", "annual", "--year", "2020", "--organ", "XC015", "--format", "html");
        Assert.True(code == 0, stderr);
        Assert.Contains("<th scope=\"rowgroup\" colspan=\"1\" rowspan=\"20\">三、本年度办理结果</th>", stdout);

        var xlsx = Path.Combine(cli.Folder, "r2020.xlsx");
        (code, _, stderr) = await cli.RunAsync("report", "annual", "--year", "2020", "--organ", "XC015", "--format", "xlsx", "--out", xlsx);
        Assert.True(code == 0, stderr);
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(xlsx, false))
        {
            Assert.Equal(3, book.WorkbookPart!.WorksheetParts.Count());
        }

        (code, _, stderr) = await cli.RunAsync("report", "annual", "--year", "2016", "--organ", "XC015", "--format", "json");
        Assert.Equal(2, code);
        Assert.Contains("尚未导入该年度已公布的统计表", stderr);

        var template = Path.Combine(cli.Folder, "t.xlsx");
        File.WriteAllBytes(template, Gongkai.Tests.Reports.Pre2019ImportTests.Fill(Gongkai.Tests.Reports.Pre2019ImportTests.Xicheng2016));
        (code, _, stderr) = await cli.RunAsync("report", "import", "--organ", "XC015", "--year", "2016", "--file", template);
        Assert.True(code == 0, stderr);
        (code, stdout, stderr) = await cli.RunAsync("report", "annual", "--year", "2016", "--organ", "XC015", "--format", "json");
        Assert.True(code == 0, stderr);
        json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("政府信息公开情况统计表（2019年以前）", json.GetProperty("format").GetString());
        Assert.Equal(1466, json.GetProperty("统计表").GetProperty("三、依申请公开情况").GetProperty("收到申请数").GetInt32());
        (code, _, stderr) = await cli.RunAsync("report", "annual", "--year", "2016", "--organ", "XC015", "--format", "pdf", "--out", Path.Combine(cli.Folder, "x.pdf"));
        Assert.Equal(2, code);
        Assert.Contains("不提供PDF和Excel格式", stderr);
    }

    public void Dispose() => cli.Dispose();
}
