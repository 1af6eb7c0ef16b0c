using Gongkai.Disclosure.Review;
using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Policy.Consultations;

/// <summary>
/// Encrypts a commenter's contact details at rest (Data Protection, keys in the database) and masks them for staff
/// lists with the site's masking rules; the clear value is shown only to the organ that answers.
/// </summary>
public sealed class CommenterProtector(IDataProtectionProvider provider, MaskingRules masking)
{
    public const string Purpose = "Gongkai.Policy.Commenter.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string? Protect(string? value) => string.IsNullOrWhiteSpace(value) ? null : protector.Protect(value.Trim());

    public string? Unprotect(string? value) => string.IsNullOrEmpty(value) ? null : protector.Unprotect(value);

    /// <summary>The contact as staff lists show it: 138****8000, z***@example.cn.</summary>
    public string Masked(string? protectedValue)
    {
        var clear = Unprotect(protectedValue);
        if (clear is null)
        {
            return "";
        }

        var findings = PersonalDataScanner.Scan(clear);
        return findings.Count > 0 ? masking.Apply(clear, findings) : clear.Length <= 2 ? "**" : clear[..1] + new string('*', clear.Length - 1);
    }

    /// <summary>A commenter's name as the public sees it: the family name only (张**); organisations in full.</summary>
    public static string PublicName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "匿名"
        : name.Length > 4 && (name.EndsWith("公司", StringComparison.Ordinal) || name.EndsWith("协会", StringComparison.Ordinal) || name.EndsWith("委员会", StringComparison.Ordinal)) ? name
        : name[..1] + new string('*', Math.Max(1, name.Length - 1));
}
