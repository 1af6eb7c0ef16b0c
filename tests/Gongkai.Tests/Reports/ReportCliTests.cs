using System.Diagnostics;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Reports;

/// <summary><c>gongkai report annual</c> run as a real process against its own SQLite database.</summary>
public sealed class ReportCliTests : IDisposable
{
    private readonly CliProcess cli = new("gk-report-cli-");

    private string folder => cli.Folder;

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => cli.RunAsync(args);

    [Fact]
    public async Task Json_html_pdf_and_xlsx_are_produced_and_bad_input_is_refused()
    {
        var (code, stdout, stderr) = await RunAsync("report", "annual", "--year", "2025", "--organ", "XC015", "--format", "json");
        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("北京市西城区民政局2025年政府信息公开工作年度报告", json.GetProperty("title").GetString());
        Assert.Equal(0, json.GetProperty("三").GetProperty("四、结转下年度继续办理").GetProperty("总计").GetInt32());
        Assert.Equal(0, json.GetProperty("四").GetProperty("行政诉讼").GetProperty("未经复议直接起诉").GetProperty("结果纠正").GetInt32());
        Assert.Equal("本年度未收取信息处理费。", json.GetProperty("六、其他需要报告的事项").GetString());

        var pdf = Path.Combine(folder, "r.pdf");
        (code, stdout, stderr) = await RunAsync("report", "annual", "--year", "2025", "--organ", "XC015", "--format", "pdf", "--out", pdf);
        Assert.True(code == 0, stderr);
        Assert.Contains("已生成北京市西城区民政局2025年政府信息公开工作年度报告", stdout);
        using (var doc = UglyToad.PdfPig.PdfDocument.Open(File.ReadAllBytes(pdf)))
        {
            Assert.Contains("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", string.Concat(doc.GetPages().Select(p => p.Text)));
        }

        var xlsx = Path.Combine(folder, "r.xlsx");
        (code, _, stderr) = await RunAsync("report", "annual", "--year", "2025", "--organ", "XC015", "--format", "xlsx", "--out", xlsx);
        Assert.True(code == 0, stderr);
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(xlsx, false))
        {
            Assert.Equal(3, book.WorkbookPart!.WorksheetParts.Count());
        }

        (code, stdout, _) = await RunAsync("report", "annual", "--year", "2025", "--organ", "XC015", "--format", "html");
        Assert.Equal(0, code);
        Assert.Contains("<th scope=\"rowgroup\" colspan=\"1\" rowspan=\"22\">三、本年度办理结果</th>", stdout);

        (code, _, stderr) = await RunAsync("report", "annual", "--year", "2025", "--organ", "NOPE", "--format", "json");
        Assert.Equal(2, code);
        Assert.Contains("机关代码“NOPE”不存在", stderr);
        (code, _, stderr) = await RunAsync("report", "annual", "--year", "2031", "--organ", "XC015", "--format", "json");
        Assert.Equal(2, code);
        Assert.Contains("超出已载入的节假日安排", stderr);
        (code, _, stderr) = await RunAsync("report", "annual", "--year", "2025", "--organ", "XC015", "--format", "docx");
        Assert.Equal(2, code);
        Assert.Contains("不支持的格式“docx”", stderr);
        (code, _, stderr) = await RunAsync("report", "annual", "--year", "2025", "--organ", "XC015", "--format", "pdf");
        Assert.Equal(2, code);
        Assert.Contains("须用 --out 指定输出文件", stderr);
    }

    public void Dispose() => cli.Dispose();
}
