using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace Gongkai.Platform.Web;

/// <summary>
/// HTTPS as the reader sees it: the scheme and address a TLS-terminating proxy forwards (only from the proxies named
/// in "ForwardedHeaders"), every cookie marked Secure when the request came over HTTPS, and HSTS over HTTPS outside
/// Development ("Hsts:MaxAgeDays"). Which hosts may be named in the Host header is ASP.NET Core's "AllowedHosts".
/// </summary>
internal static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback stays trusted (a proxy on the same machine); a proxy elsewhere must be named, by address or network.
            foreach (var proxy in List(configuration, "ForwardedHeaders:KnownProxies"))
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"配置 ForwardedHeaders:KnownProxies 中的“{proxy}”不是 IP 地址。"));
            }

            foreach (var network in List(configuration, "ForwardedHeaders:KnownNetworks"))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"配置 ForwardedHeaders:KnownNetworks 中的“{network}”不是网段（如 10.0.0.0/8）。"));
            }
        });

        // Every cookie, whoever writes it (sign-in, CSRF, 适老化 preference, TempData), is Secure when the request is HTTPS.
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = configuration.GetValue("Site:SecureCookiesAlways", false) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.None;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(Math.Clamp(configuration.GetValue("Hsts:MaxAgeDays", 365), 1, 730));
            o.IncludeSubDomains = false;
            o.Preload = false;
            // HSTS is only ever sent over HTTPS; a deployment reached as https://localhost is as real as any other.
            o.ExcludedHosts.Clear();
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the reader's scheme and address.</summary>
    public static void UseForwardedScheme(this WebApplication app) => app.UseForwardedHeaders();

    public static void UseTransportSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseCookiePolicy();
    }

    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).ToList();
        if (section.Value is { } single)
        {
            values.AddRange(single.Split([';', ','], StringSplitOptions.TrimEntries));
        }

        return values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim());
    }
}
