using System.Text;

namespace Gongkai.Platform.Files;

/// <summary>
/// Recognises an upload by its first bytes, not its name: PDF, Word, Excel, images and plain text.
/// A file whose content does not match its extension is refused as disguised.
/// </summary>
public static class FileTypes
{
    public sealed record Kind(string Name, string ContentType, string[] Extensions);

    public static readonly Kind Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly Kind Docx = new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly Kind Xlsx = new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly Kind Doc = new("Word", "application/msword", [".doc"]);
    public static readonly Kind Xls = new("Excel", "application/vnd.ms-excel", [".xls"]);
    public static readonly Kind Png = new("图片", "image/png", [".png"]);
    public static readonly Kind Jpeg = new("图片", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly Kind Gif = new("图片", "image/gif", [".gif"]);
    public static readonly Kind Text = new("文本", "text/plain; charset=utf-8", [".txt", ".csv"]);

    /// <summary>The kind the content really is, or null when it is none we accept.</summary>
    public static Kind? Detect(ReadOnlySpan<byte> content, string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            var head = Encoding.ASCII.GetString(content[..Math.Min(content.Length, 4096)]);
            return head.Contains("word/") || ext == ".docx" && !head.Contains("xl/") ? Docx
                : head.Contains("xl/") || ext == ".xlsx" ? Xlsx
                : null;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return ext == ".xls" ? Xls : Doc;
        }

        return IsText(content) ? Text : null;
    }

    private static bool IsText(ReadOnlySpan<byte> content)
    {
        var sample = content[..Math.Min(content.Length, 65536)];
        if (sample.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        if (sample.Length < content.Length)
        {
            // The sample may end inside a multi-byte character: cut before its lead byte.
            for (var back = 1; back <= 3 && back <= sample.Length; back++)
            {
                var b = sample[^back];
                if (b < 0x80)
                {
                    break;
                }

                if (b >= 0xC0)
                {
                    sample = sample[..^back];
                    break;
                }
            }
        }

        try
        {
            _ = new UTF8Encoding(false, true).GetString(sample);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
