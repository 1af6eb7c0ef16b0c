using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Platform.Web;

/// <summary>
/// A wide table (an annual report's 表三, a table in a document's body) scrolls sideways inside a frame of its own on a
/// narrow screen, so the page itself still reflows at 320 CSS pixels (WCAG 1.4.10 allows two-dimensional tables to
/// scroll). The frame is a named region a keyboard can reach and scroll (axe: scrollable-region-focusable).
/// </summary>
public static partial class TableScroll
{
    [GeneratedRegex(@"<table\b[^>]*>(?:\s*<caption[^>]*>(?<caption>.*?)</caption>)?", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TableStart();

    [GeneratedRegex(@"</table\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex TableEnd();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>Every table of already sanitised HTML, put in a scroll frame named after its caption.</summary>
    public static string Wrap(string html, string unnamed = "表格")
    {
        if (!html.Contains("<table", StringComparison.OrdinalIgnoreCase))
        {
            return html;
        }

        var number = 0;
        var opened = TableStart().Replace(html, m =>
        {
            number++;
            var caption = WebUtility.HtmlDecode(Tag().Replace(m.Groups["caption"].Value, "")).Trim();
            var name = caption.Length > 0 ? caption : $"{unnamed}{number}";
            return $"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{WebUtility.HtmlEncode(name)}\">{m.Value}";
        });
        return TableEnd().Replace(opened, m => m.Value + "</div>");
    }
}
