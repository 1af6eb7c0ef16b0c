using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Requests.Intake.Tracking;

/// <summary>
/// The short-lived proof that the applicant gave the right number and 查询码, so the letter can be downloaded without the
/// 查询码 travelling again, and never in an address: the tracking page puts it in a hidden field of its download forms
/// (POST bodies are not logged). It names the request and expires <see cref="Lifetime"/> after it was issued, on the
/// application's clock; Data Protection signs and encrypts it, so it cannot be forged or pointed at another request.
/// </summary>
public sealed class TrackingPass(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly IDataProtector protector = provider.CreateProtector("Gongkai.Requests.TrackingPass.v1");

    public string Issue(Guid requestId) =>
        protector.Protect($"{requestId:N}|{(clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The request the pass was issued for, or null when it is missing, forged or expired.</summary>
    public Guid? Read(string? pass)
    {
        if (string.IsNullOrEmpty(pass) || pass.Length > 1000)
        {
            return null;
        }

        string plain;
        try
        {
            plain = protector.Unprotect(pass);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        var parts = plain.Split('|');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var until)
            && clock.GetUtcNow().ToUnixTimeSeconds() <= until
                ? id
                : null;
    }
}
