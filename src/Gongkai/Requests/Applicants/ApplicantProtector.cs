using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Requests.Applicants;

/// <summary>
/// Encrypts applicants' personal data at rest with ASP.NET Core Data Protection (keys in the database, shared by
/// every node: docs/DESIGN.md §2, §8; wrapped under the master key kept outside it). A database copy alone reveals no ID number, phone or address.
/// </summary>
public sealed class ApplicantProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "Gongkai.Requests.Applicant.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Protect(string value) => protector.Protect(value);

    public string? ProtectOptional(string? value) => string.IsNullOrEmpty(value) ? null : protector.Protect(value);

    public string? Unprotect(string? value) => string.IsNullOrEmpty(value) ? null : protector.Unprotect(value);
}

/// <summary>How personal data is shown to those who need only to tell records apart (脱敏显示).</summary>
public static class ApplicantMask
{
    public static string IdNumber(string? value) => Keep(value, 3, 4);

    public static string Phone(string? value) => Keep(value, 3, 4);

    public static string Email(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var at = value.IndexOf('@');
        return at <= 0 ? Keep(value, 1, 0) : value[..1] + "***" + value[at..];
    }

    /// <summary>Keeps the first six characters (district and street), masks the rest.</summary>
    public static string Address(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.Length <= 6 ? value[..Math.Min(2, value.Length)] + "***" : value[..6] + "***";

    private static string Keep(string? value, int start, int end)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value.Length <= start + end)
        {
            return new string('*', value.Length);
        }

        return value[..start] + new string('*', value.Length - start - end) + value[(value.Length - end)..];
    }
}
