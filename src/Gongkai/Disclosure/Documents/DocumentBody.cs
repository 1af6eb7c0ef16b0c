using Ganss.Xss;
using Markdig;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// Turns what an editor submits (rich-text HTML or Markdown) into safe HTML for the public page and plain text
/// for search and the personal-data scan. Scripts, event handlers and foreign frames never survive.
/// </summary>
public static class DocumentBody
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public sealed record Clean(string Html, string Text);

    public static Clean FromHtml(string? html)
    {
        var safe = Sanitizer.Sanitize(html ?? "").Trim();
        return new Clean(safe, ToText(safe));
    }

    public static Clean FromMarkdown(string? markdown)
    {
        var html = Markdig.Markdown.ToHtml(markdown ?? "", Markdown);
        var safe = Sanitizer.Sanitize(html).Trim();
        return new Clean(safe, ToText(safe));
    }

    /// <summary>Whether the HTML carried something the sanitiser had to remove (reported to the editor).</summary>
    public static bool HasActiveContent(string? html) =>
        html is not null && (html.Contains("<script", StringComparison.OrdinalIgnoreCase)
            || html.Contains("javascript:", StringComparison.OrdinalIgnoreCase)
            || System.Text.RegularExpressions.Regex.IsMatch(html, @"\son[a-z]+\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            || html.Contains("<iframe", StringComparison.OrdinalIgnoreCase)
            || html.Contains("<object", StringComparison.OrdinalIgnoreCase));

    public static string ToText(string html)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var doc = parser.ParseDocument("<body>" + html + "</body>");
        foreach (var block in doc.QuerySelectorAll("p,div,br,li,tr,h1,h2,h3,h4,h5,h6,table"))
        {
            block.InsertBefore(doc.CreateTextNode("\n"), block.FirstChild);
        }

        var text = doc.Body?.TextContent ?? "";
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("mailto");
        s.AllowedAttributes.Remove("style");
        s.AllowedTags.Remove("form");
        s.AllowedTags.Remove("input");
        s.AllowedTags.Remove("button");
        s.AllowedTags.Remove("textarea");
        s.AllowedTags.Remove("select");
        return s;
    }
}
