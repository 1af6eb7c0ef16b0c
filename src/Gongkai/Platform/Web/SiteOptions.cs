namespace Gongkai.Platform.Web;

/// <summary>The site's identity shown in the header, footer and page metadata (configuration section "Site").</summary>
public sealed class SiteOptions
{
    public string District { get; set; } = "北京市西城区人民政府";
    public string Organiser { get; set; } = "北京市西城区人民政府办公室";
    public string Operator { get; set; } = "西城区政务公开办公室";
    public string Address { get; set; } = "";
    public string SiteIdCode { get; set; } = "";
    public string Icp { get; set; } = "";

    // ── issue 16: the footer's registrations and the 联系我们 page ──
    /// <summary>公安机关备案号 as printed, e.g. 京公网安备 11010202000001号.</summary>
    public string PoliceRecord { get; set; } = "";
    /// <summary>The web site's contact (联系我们): telephone, e-mail, post code and office hours of the 承办 unit.</summary>
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string PostCode { get; set; } = "";
    public string OfficeHours { get; set; } = "";

    /// <summary>
    /// The public address of the portal (scheme, host, port and any path), for every absolute link the site writes:
    /// feeds, sitemap, robots.txt, canonical links. Never taken from the request, whose Host header anyone can set.
    /// </summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The base address without a trailing slash, ready for a path starting with "/".</summary>
    public string Portal => BaseUrl.TrimEnd('/');

    /// <summary>The host (and port, when not the scheme's own) of the base address.</summary>
    public string Domain => new Uri(BaseUrl).Authority;

    /// <summary>An absolute http(s) address without query or fragment: checked at start-up.</summary>
    public bool HasValidBaseUrl() =>
        Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
