using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gongkai.Reports.Annual;

public enum ReportFileKind
{
    Json,
    Html,
    Pdf,
    Xlsx,
}

public sealed record ReportFile(byte[] Content, string ContentType, string FileName);

/// <summary>The report as a file: JSON (one key per table, labels as in the format), standalone HTML, PDF, Excel.</summary>
public sealed class ReportFiles(ReportPdf pdf)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool TryParse(string text, out ReportFileKind kind) => Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind);

    public ReportFile Produce(AnnualReportView view, ReportFileKind kind)
    {
        var name = $"{view.Organ.Code}-{view.Year}-年度报告";
        return kind switch
        {
            ReportFileKind.Json => new(Encoding.UTF8.GetBytes(ReportDocument.Json(view).ToJsonString(Options)), "application/json; charset=utf-8", name + ".json"),
            ReportFileKind.Html => new(Encoding.UTF8.GetBytes(ReportDocument.StandaloneHtml(view)), "text/html; charset=utf-8", name + ".html"),
            ReportFileKind.Pdf => new(pdf.Write(view), "application/pdf", name + ".pdf"),
            ReportFileKind.Xlsx => new(ReportXlsx.Write(view), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            _ => throw new Platform.ValidationFailure($"不支持的格式“{kind}”。"),
        };
    }
}
