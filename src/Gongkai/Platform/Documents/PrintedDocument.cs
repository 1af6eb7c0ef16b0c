namespace Gongkai.Platform.Documents;

/// <summary>How a paragraph of a printed document is set.</summary>
public enum ParagraphStyle
{
    /// <summary>Body text, first line indented by two characters (公文正文).</summary>
    Body,
    /// <summary>Flush left, no indent (the addressee line: “张三：”).</summary>
    Plain,
    /// <summary>Right-aligned (the issuing organ and the date at the foot of a letter).</summary>
    Right,
    /// <summary>Centred heading inside the document.</summary>
    Heading,
    /// <summary>An empty line.</summary>
    Blank,
}

public sealed record PrintedParagraph(string Text, ParagraphStyle Style);

/// <summary>
/// A simple printed document: a centred title, an optional reference line (e.g. 受理编号) and paragraphs. Letters and
/// other modules' printouts are built as this and written to PDF (<see cref="PdfWriter"/>) or DOCX
/// (<see cref="DocxWriter"/>) with the same content.
/// </summary>
public sealed record PrintedDocument(string Title, string? Reference, IReadOnlyList<PrintedParagraph> Paragraphs)
{
    /// <summary>
    /// Reads paragraphs from plain text, one per line: a line starting with “&gt;” is right-aligned, “&lt;” flush left,
    /// “#” a centred heading; an empty line is a blank line; every other line is an indented body paragraph.
    /// </summary>
    public static IReadOnlyList<PrintedParagraph> ParseLines(string text)
    {
        var result = new List<PrintedParagraph>();
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            var trimmed = line.TrimStart(' ', '\u3000', '\t');
            result.Add(trimmed switch
            {
                "" => new PrintedParagraph("", ParagraphStyle.Blank),
                _ when trimmed.StartsWith('>') => new PrintedParagraph(trimmed[1..].Trim(), ParagraphStyle.Right),
                _ when trimmed.StartsWith('<') => new PrintedParagraph(trimmed[1..].Trim(), ParagraphStyle.Plain),
                _ when trimmed.StartsWith('#') => new PrintedParagraph(trimmed[1..].Trim(), ParagraphStyle.Heading),
                _ => new PrintedParagraph(trimmed, ParagraphStyle.Body),
            });
        }

        while (result.Count > 0 && result[^1].Style == ParagraphStyle.Blank)
        {
            result.RemoveAt(result.Count - 1);
        }

        return result;
    }

    /// <summary>The text as a reader sees it, line by line (for previews and tests).</summary>
    public string PlainText() =>
        string.Join("\n", new[] { Title, Reference ?? "" }.Concat(Paragraphs.Select(p => p.Text)).Where(t => t.Length > 0));
}
