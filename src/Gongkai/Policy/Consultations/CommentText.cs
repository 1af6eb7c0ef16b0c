using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Platform;

namespace Gongkai.Policy.Consultations;

/// <summary>Checks a comment's text and fingerprints it for duplicate grouping.</summary>
public static partial class CommentText
{
    [GeneratedRegex(@"<\s*/?\s*[A-Za-z!][^>]*>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")]
    private static partial Regex Markup();

    /// <summary>The trimmed text, or a refusal a commenter understands.</summary>
    public static string Check(string? body, int maxLength)
    {
        body = body?.Trim();
        if (string.IsNullOrEmpty(body))
        {
            throw new ValidationFailure("请填写意见内容。", "Body");
        }

        if (body.Length > maxLength)
        {
            throw new ValidationFailure($"意见内容不能超过{maxLength}字（现有{body.Length}字），请精简后再提交，或分条提交。", "Body");
        }

        if (Markup().IsMatch(body))
        {
            throw new ValidationFailure("意见内容不能包含HTML标签或代码（如“<”开头的标记），请只填写文字。", "Body");
        }

        return body;
    }

    /// <summary>
    /// The same text however it was typed: full-width folded to half-width, case, spaces and punctuation ignored.
    /// Comments with one fingerprint in one consultation are one group.
    /// </summary>
    public static string Fingerprint(string body)
    {
        var folded = body.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || cat == UnicodeCategory.OtherLetter)
            {
                sb.Append(c);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..32];
    }
}
