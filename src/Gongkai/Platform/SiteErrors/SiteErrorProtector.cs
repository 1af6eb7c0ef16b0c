using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Platform.SiteErrors;

/// <summary>Encrypts a 网站找错 reporter's contact at rest (Data Protection, keys in the database) and masks it on screen.</summary>
public sealed class SiteErrorProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "Gongkai.Platform.SiteErrorContact.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string? Protect(string? value) => value is null ? null : protector.Protect(value);

    public string? Unprotect(string? value) => string.IsNullOrEmpty(value) ? null : protector.Unprotect(value);

    /// <summary>
    /// The contact as the staff list shows it: the first character and the last four kept (138****8000 → 1******8000),
    /// enough to recognise a repeated reporter, never the whole; an e-mail keeps its first letter and its domain.
    /// </summary>
    public string Masked(string? protectedValue) => Mask(Unprotect(protectedValue));

    public static string Mask(string? clear)
    {
        if (string.IsNullOrEmpty(clear))
        {
            return "";
        }

        var at = clear.IndexOf('@');
        if (at > 0)
        {
            return clear[..1] + new string('*', Math.Max(1, at - 1)) + clear[at..];
        }

        return clear.Length <= 2 ? new string('*', clear.Length)
            : clear.Length <= 6 ? clear[..1] + new string('*', clear.Length - 1)
            : clear[..1] + new string('*', clear.Length - 5) + clear[^4..];
    }
}
