using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Gongkai.Plans.Parsing;

/// <summary>
/// The words of an uploaded plan (or published report): plain text (UTF-8 or GB18030), Word (.docx) or a PDF with a text
/// layer. With <c>keepLayout</c> the text keeps what a table reader needs: a PDF's pages end with a form feed (so a page
/// number or running header can be told from the table), and the cells of a Word table row are joined by tabs on one
/// line (an empty cell stays an empty field).
/// </summary>
public static class PlanDocumentReader
{
    public const int MaxBytes = 20 * 1024 * 1024;

    static PlanDocumentReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Read(byte[] bytes, string? fileName = null, bool keepLayout = false)
    {
        if (bytes.Length == 0)
        {
            throw new PlanParseException("文件是空的，没有可读取的内容。");
        }

        if (bytes.Length > MaxBytes)
        {
            throw new PlanParseException("文件超过 20 MB，请拆分后再导入。");
        }

        if (StartsWith(bytes, "%PDF"u8))
        {
            return ReadPdf(bytes, keepLayout);
        }

        if (StartsWith(bytes, "PK\u0003\u0004"u8))
        {
            return ReadDocx(bytes, keepLayout);
        }

        if (StartsWith(bytes, [0xD0, 0xCF, 0x11, 0xE0]))
        {
            throw new PlanParseException("这是旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后再导入。");
        }

        return ReadText(bytes);
    }

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> prefix) => bytes.AsSpan().StartsWith(prefix);

    private static string ReadText(byte[] bytes)
    {
        var controls = 0;
        foreach (var b in bytes.AsSpan(0, Math.Min(bytes.Length, 8192)))
        {
            if (b == 0)
            {
                throw new PlanParseException("这不是文本、Word（.docx）或 PDF 文件，无法读取。");
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                controls++;
            }
        }

        if (controls > 8)
        {
            throw new PlanParseException("这不是文本、Word（.docx）或 PDF 文件，无法读取。");
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            // Older documents saved from Windows are GB18030 (GBK).
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static string ReadDocx(byte[] bytes, bool keepLayout)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new PlanParseException("Word 文件没有正文。");
            var sb = new StringBuilder();
            var numbering = new WordNumbering(doc.MainDocumentPart!);
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                // Word's automatic numbering is not in the text: put the label it shows back in front ("一、", "（一）", "1.").
                if (numbering.Label(paragraph) is { Length: > 0 } label)
                {
                    sb.Append(label);
                    if (char.IsLetterOrDigit(label[^1]))
                    {
                        sb.Append(' ');
                    }
                }

                foreach (var node in paragraph.Descendants())
                {
                    switch (node)
                    {
                        case Text t:
                            sb.Append(t.Text);
                            break;
                        case TabChar:
                            sb.Append(' ');
                            break;
                        case Break:
                            sb.Append('\n');
                            break;
                    }
                }

                sb.Append(keepLayout && EndsCellBeforeAnother(paragraph) ? '\t' : '\n');
            }

            if (numbering.Unresolved > 0)
            {
                throw new PlanParseException($"Word 文件有{numbering.Unresolved}段使用自动编号，但文件中找不到对应的编号定义，无法还原“一、”“（一）”“1.”等序号。请在 Word 中将自动编号转换为文本后再导入。");
            }

            return sb.ToString();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new PlanParseException("无法打开这个 Word 文件：文件可能已损坏，或不是 .docx 格式。");
        }
    }

    /// <summary>The last paragraph of a table cell that has another cell after it in its row.</summary>
    private static bool EndsCellBeforeAnother(Paragraph paragraph) =>
        paragraph.Parent is TableCell cell && ReferenceEquals(cell.Elements<Paragraph>().LastOrDefault(), paragraph) && cell.ElementsAfter().OfType<TableCell>().Any();

    private static string ReadPdf(byte[] bytes, bool keepLayout)
    {
        var sb = new StringBuilder();
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            foreach (var page in pdf.GetPages())
            {
                sb.Append(ContentOrderTextExtractor.GetText(page)).Append(keepLayout ? "\n\f" : "\n");
            }
        }
        catch (Exception e) when (e is not PlanParseException)
        {
            throw new PlanParseException("无法打开这个 PDF 文件：文件可能已损坏或已加密。");
        }

        if (PlanText.Compact(sb.ToString()).Length == 0)
        {
            throw new PlanParseException("这个 PDF 没有文字层（可能是扫描件），无法识别任务。请先进行文字识别（OCR），或直接粘贴文字。");
        }

        return sb.ToString();
    }
}
