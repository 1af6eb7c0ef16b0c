using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Gongkai.Platform.RichText;

/// <summary>
/// Cleans what Word and WPS put on the clipboard (or save as HTML) before the sanitiser sees it: conditional comments,
/// <c>&lt;o:p&gt;</c>, VML shapes, <c>mso-*</c> styles, <c>class="Mso…"</c> and WPS's numeric classes, spans and
/// <c>&lt;font&gt;</c> that only carry fonts, the bullets Word writes as text; <c>mso-list</c> paragraphs become real
/// <c>&lt;ol&gt;</c>/<c>&lt;ul&gt;</c> lists, footnote references keep their links, tables keep their rows and cells
/// (with colspan/rowspan), images pasted from the local disk (<c>file:</c>) are dropped and counted so the editor can
/// ask for them to be uploaded. Plain HTML passes through unchanged apart from empty spans. docs/ARCHITECTURE.md §Use cases.
/// </summary>
public static partial class OfficeHtml
{
    public sealed record Result(string Html, int DroppedImages);

    public static Result Clean(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return new Result("", 0);
        }

        var doc = new HtmlParser().ParseDocument(html.Contains("<body", StringComparison.OrdinalIgnoreCase) ? html : "<body>" + html + "</body>");
        var body = doc.Body!;

        foreach (var comment in body.Descendants<IComment>().ToList())
        {
            comment.Remove();
        }

        // Word's list bullets and numbers written as text (<span style="mso-list:Ignore">1.<span>  </span></span>): read, then removed.
        var markers = new Dictionary<IElement, string>();
        foreach (var ignore in body.QuerySelectorAll("[style]").Where(e => IgnoreRegex().IsMatch(e.GetAttribute("style")!)).ToList())
        {
            var paragraph = ignore.Closest("p,h1,h2,h3,h4,h5,h6,li,div");
            if (paragraph is not null && !markers.ContainsKey(paragraph))
            {
                markers[paragraph] = ignore.TextContent.Trim();
            }

            ignore.Remove();
        }

        var droppedImages = 0;
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            var name = element.LocalName;
            if (name.StartsWith("v:", StringComparison.Ordinal) || name.StartsWith("w:", StringComparison.Ordinal) || name is "xml" or "style" or "meta" or "link" or "title" or "script")
            {
                if (element.Parent is not null)
                {
                    element.Remove();
                }
            }
            else if (name == "img" && !IsUsableImage(element.GetAttribute("src")))
            {
                droppedImages++;
                element.Remove();
            }
        }

        ListsFromParagraphs(doc, body, markers);
        Footnotes(body);

        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            var style = element.GetAttribute("style");
            foreach (var attribute in element.Attributes.Select(a => a.Name).ToList())
            {
                if (attribute is "style" or "lang" or "align" or "valign" or "width" or "height" or "border" or "cellspacing" or "cellpadding"
                    or "bgcolor" or "nowrap" or "face" or "size" or "color" or "clear" or "v:shapes" or "x:str" or "x:num"
                    || attribute.StartsWith("x:", StringComparison.Ordinal) || attribute.StartsWith("o:", StringComparison.Ordinal))
                {
                    element.RemoveAttribute(attribute);
                }
            }

            if (element.GetAttribute("class") is { } css)
            {
                var kept = css.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(c => !OfficeClassRegex().IsMatch(c)).ToList();
                if (kept.Count == 0)
                {
                    element.RemoveAttribute("class");
                }
                else
                {
                    element.SetAttribute("class", string.Join(' ', kept));
                }
            }

            // Word marks bold and italic runs with styles only in some versions: keep the meaning, drop the font.
            if (element.LocalName is "span" or "font" && style is not null)
            {
                var bold = BoldRegex().IsMatch(style);
                var italic = ItalicRegex().IsMatch(style);
                if (bold || italic)
                {
                    var wrapper = doc.CreateElement(bold ? "strong" : "em");
                    while (element.FirstChild is { } child)
                    {
                        wrapper.AppendChild(child);
                    }

                    element.AppendChild(wrapper);
                }
            }
        }

        // Tags with a namespace prefix (o:p, st1:chsdate …), bare spans/fonts and bookmarks (<a name=_Toc1>) only carried formatting: keep their text.
        foreach (var element in body.QuerySelectorAll("*").Reverse().ToList())
        {
            if (element.LocalName.Contains(':') || element.LocalName is "font" or "span" or "a" && element.Attributes.Length == 0)
            {
                Unwrap(element);
            }
        }

        // Paragraphs Word writes for empty lines (<p class=MsoNormal><o:p>&nbsp;</o:p></p>).
        foreach (var element in body.QuerySelectorAll("p,div,h1,h2,h3,h4,h5,h6").Reverse().ToList())
        {
            if (element.QuerySelector("img,table,br,hr") is null && string.IsNullOrWhiteSpace(element.TextContent.Replace('\u00A0', ' ').Replace('\u3000', ' ')))
            {
                element.Remove();
            }
        }

        // Word wraps a whole paste in <div class=WordSection1>: without attributes a div is only a box.
        foreach (var div in body.QuerySelectorAll("div").Reverse().ToList())
        {
            if (div.Attributes.Length == 0)
            {
                Unwrap(div);
            }
        }

        foreach (var cell in body.QuerySelectorAll("td,th"))
        {
            // A cell holding one paragraph is a cell with its text.
            if (cell.Children.Length == 1 && cell.FirstElementChild!.LocalName == "p" && cell.FirstElementChild.Attributes.Length == 0
                && string.IsNullOrWhiteSpace(string.Concat(cell.ChildNodes.OfType<IText>().Select(t => t.Data))))
            {
                Unwrap(cell.FirstElementChild);
            }
        }

        return new Result(body.InnerHtml.Trim(), droppedImages);
    }

    private static bool IsUsableImage(string? src) =>
        src is not null && (src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal)
            || src.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || src.StartsWith("http://", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Consecutive paragraphs carrying <c>mso-list:lN levelM</c> become one list per run, nested by level; the marker Word
    /// wrote (1. 一、 （一） a) decides ordered, a bullet (· § o ●) unordered.
    /// </summary>
    private static void ListsFromParagraphs(IDocument doc, IElement body, Dictionary<IElement, string> markers)
    {
        var items = body.QuerySelectorAll("p,h1,h2,h3,h4,h5,h6")
            .Select(p => (Element: p, Match: ListRegex().Match(p.GetAttribute("style") ?? "")))
            .Where(x => x.Match.Success)
            .ToList();
        var i = 0;
        while (i < items.Count)
        {
            // A run: items that follow each other as siblings (only whitespace between them).
            var run = new List<(IElement Element, int Level, string Marker)>();
            var current = items[i].Element;
            run.Add((current, int.Parse(items[i].Match.Groups[1].Value), markers.GetValueOrDefault(current, "")));
            i++;
            while (i < items.Count && NextElementSibling(current) == items[i].Element)
            {
                current = items[i].Element;
                run.Add((current, int.Parse(items[i].Match.Groups[1].Value), markers.GetValueOrDefault(current, "")));
                i++;
            }

            var first = run[0].Element;
            var stack = new Stack<(IElement List, int Level)>();
            IElement? root = null;
            IElement? lastItem = null;
            foreach (var (element, level, marker) in run)
            {
                while (stack.Count > 0 && stack.Peek().Level > level)
                {
                    stack.Pop();
                }

                if (stack.Count == 0 || stack.Peek().Level < level)
                {
                    var list = doc.CreateElement(IsOrdered(marker) ? "ol" : "ul");
                    if (stack.Count == 0)
                    {
                        root = list;
                        first.Parent!.InsertBefore(list, first);
                    }
                    else
                    {
                        (lastItem ?? stack.Peek().List).AppendChild(list);
                    }

                    stack.Push((list, level));
                }

                var li = doc.CreateElement("li");
                while (element.FirstChild is { } child)
                {
                    li.AppendChild(child);
                }

                stack.Peek().List.AppendChild(li);
                lastItem = li;
                element.Remove();
            }

            _ = root;
        }
    }

    private static IElement? NextElementSibling(IElement element)
    {
        for (var node = element.NextSibling; node is not null; node = node.NextSibling)
        {
            if (node is IElement e)
            {
                return e;
            }

            if (node is IText t && !string.IsNullOrWhiteSpace(t.Data))
            {
                return null;
            }
        }

        return null;
    }

    private static bool IsOrdered(string marker) => OrderedMarkerRegex().IsMatch(marker);

    /// <summary>
    /// Word's footnote links (<c>href="#_ftn1" name="_ftnref1"</c>) keep working: the name becomes an id the sanitiser
    /// allows, and the reference is shown raised.
    /// </summary>
    private static void Footnotes(IElement body)
    {
        foreach (var a in body.QuerySelectorAll("a[name]").ToList())
        {
            var name = a.GetAttribute("name")!;
            a.RemoveAttribute("name");
            if (FootnoteIdRegex().IsMatch(name))
            {
                a.SetAttribute("id", name);
            }

            if (a.GetAttribute("href") is { } href && href.StartsWith("#_ftn", StringComparison.Ordinal) && !href.StartsWith("#_ftnref", StringComparison.Ordinal)
                && a.Closest("sup") is null)
            {
                var sup = a.Owner!.CreateElement("sup");
                a.Parent!.InsertBefore(sup, a);
                sup.AppendChild(a);
            }
        }
    }

    internal static void Unwrap(IElement element)
    {
        var parent = element.Parent;
        if (parent is null)
        {
            return;
        }

        while (element.FirstChild is { } child)
        {
            parent.InsertBefore(child, element);
        }

        element.Remove();
    }

    /// <summary>The id a footnote anchor may carry (Word: _ftn1, _ftnref1, _edn1; WPS the same).</summary>
    [GeneratedRegex(@"^_(ftn|ftnref|edn|ednref)\d{1,4}$")]
    internal static partial Regex FootnoteIdRegex();

    [GeneratedRegex(@"mso-list\s*:\s*ignore", RegexOptions.IgnoreCase)]
    private static partial Regex IgnoreRegex();

    [GeneratedRegex(@"mso-list\s*:\s*l\d+\s+level(\d)", RegexOptions.IgnoreCase)]
    private static partial Regex ListRegex();

    [GeneratedRegex(@"^(Mso|WordSection|Section\d|\d+$|p\d+$|s\d+$|TableGrid|TableNormal|xl\d+$|font\d+$)", RegexOptions.IgnoreCase)]
    private static partial Regex OfficeClassRegex();

    [GeneratedRegex(@"^[（(]?([0-9０-９]+|[一二三四五六七八九十]+|[a-zA-Z]|[ivxIVX]+)[)）.、．]?$")]
    private static partial Regex OrderedMarkerRegex();

    [GeneratedRegex(@"(^|;)\s*font-weight\s*:\s*(bold|[6-9]00)", RegexOptions.IgnoreCase)]
    private static partial Regex BoldRegex();

    [GeneratedRegex(@"(^|;)\s*font-style\s*:\s*italic", RegexOptions.IgnoreCase)]
    private static partial Regex ItalicRegex();
}
