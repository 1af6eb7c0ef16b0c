using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Gongkai.Platform.Organisation;

/// <summary>
/// An organ's name on the English pages (/en/…): its <see cref="Organ.EnglishName"/> when staff gave one, otherwise the
/// Chinese name marked <c>lang="zh-CN"</c> so screen readers switch voice (WCAG 3.1.2). The one rule for every English page.
/// </summary>
public static class OrganNames
{
    public static IHtmlContent InEnglish(string? englishName, string chineseName) =>
        string.IsNullOrWhiteSpace(englishName)
            ? new HtmlString($"<span lang=\"zh-CN\">{HtmlEncoder.Default.Encode(chineseName)}</span>")
            : new HtmlString(HtmlEncoder.Default.Encode(englishName));

    public static IHtmlContent InEnglish(Organ organ) => InEnglish(organ.EnglishName, organ.FullName);

    /// <summary>The English name, or null when the page must fall back to Chinese (for an attribute or an option).</summary>
    public static string? EnglishOrNull(string? englishName) => string.IsNullOrWhiteSpace(englishName) ? null : englishName;
}
