using System.Net;
using System.Xml.Linq;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform;

/// <summary>
/// Absolute links come from Site:BaseUrl, never from the Host header; hosts outside AllowedHosts are refused; over
/// HTTPS (direct or through a named proxy) every cookie is Secure and HSTS is sent; /api/docs runs no inline script.
/// </summary>
public abstract class SiteAddressTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    public const string BaseUrl = "https://gongkai.example.gov.cn";

    private HttpClient Evil()
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Host = "evil.example";
        return client;
    }

    [Fact]
    public async Task Feeds_sitemap_robots_and_canonical_links_use_the_configured_base_url_whatever_the_Host_header()
    {
        var doc = await app.PublishAsync(new Publishing.Doc("地址测试通知", Summary: "关于地址的通知。"));
        var client = Evil();
        var bodies = new List<string>();
        foreach (var url in new[] { "/feeds/all.rss", "/feeds/all.atom", "/feeds/consultations.rss", "/feeds/consultations.atom", "/sitemap.xml", "/robots.txt", $"/documents/{doc}", "/" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("evil.example", body);
            bodies.Add(body);
        }

        var rss = XDocument.Parse(bodies[0]);
        Assert.Contains(rss.Descendants("link"), l => l.Value == $"{BaseUrl}/documents/{doc}");
        Assert.Equal($"{BaseUrl}/catalogue", rss.Root!.Element("channel")!.Element("link")!.Value);
        Assert.Contains($"href=\"{BaseUrl}/feeds/all.atom\"", bodies[1]);
        Assert.Contains($"{BaseUrl}/feeds/consultations.rss", bodies[2]);
        Assert.Contains($"<loc>{BaseUrl}/documents/{doc}</loc>", bodies[4]);
        Assert.Contains($"Sitemap: {BaseUrl}/sitemap.xml", bodies[5]);
        Assert.Contains($"<link rel=\"canonical\" href=\"{BaseUrl}/documents/{doc}\">", bodies[6]);
        Assert.Contains("<meta name=\"SiteDomain\" content=\"gongkai.example.gov.cn\">", bodies[7]);
    }

    [Fact]
    public async Task Over_https_every_cookie_is_secure_and_hsts_is_sent()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        var cookies = new List<string>();
        var login = await client.GetAsync("/account/login");
        cookies.AddRange(login.Headers.GetValues("Set-Cookie"));
        Assert.Equal("max-age=31536000", login.Headers.GetValues("Strict-Transport-Security").Single());
        var elder = await client.GetAsync("/preferences/elder?on=1&returnUrl=/");
        cookies.AddRange(elder.Headers.GetValues("Set-Cookie"));
        var signIn = await client.SignInAsync("admin", GongkaiApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        cookies.AddRange(signIn.Headers.GetValues("Set-Cookie"));

        Assert.Contains(cookies, c => c.StartsWith("gk.csrf=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("gk.elder=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("gk.auth=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Over_plain_http_no_hsts_is_sent()
    {
        var response = await app.Browser().GetAsync("/account/login");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_https_of_a_named_proxy_counts_and_that_of_anybody_else_does_not()
    {
        async Task<HttpResponseMessage> ViaAsync(string remote)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/preferences/elder?on=1");
            request.Headers.Add(ProxiedApp.RemoteHeader, remote);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            return await app.Browser().SendAsync(request);
        }

        var proxied = await ViaAsync("10.1.2.3");
        Assert.True(proxied.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("; secure", proxied.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);

        var stranger = await ViaAsync("192.0.2.77");
        Assert.False(stranger.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("; secure", stranger.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/docs")]
    [InlineData("/api/docs/")]
    [InlineData("/api/docs/v1")]
    public async Task The_api_reference_runs_no_inline_script(string url)
    {
        var response = await app.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scripts);
        var html = await response.Content.ReadAsStringAsync();
        var tags = System.Text.RegularExpressions.Regex.Matches(html, "<script([^>]*)>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.NotEmpty(tags);
        Assert.All(tags, t =>
        {
            Assert.Contains("src=\"/", t.Groups[1].Value);
            Assert.Equal("", t.Groups[2].Value.Trim());
        });
        foreach (var src in tags.Select(t => System.Text.RegularExpressions.Regex.Match(t.Groups[1].Value, "src=\"([^\"]+)\"").Groups[1].Value))
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync(src)).StatusCode);
        }

        Assert.Contains("data-openapi=\"/openapi/v1.json\"", html);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync("/openapi/v1.json")).StatusCode);
    }
}

/// <summary>The default configuration: a Host header outside AllowedHosts is refused before anything else runs.</summary>
public abstract class AllowedHostsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    [Theory]
    [InlineData("/feeds/all.rss")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/")]
    public async Task A_host_outside_AllowedHosts_is_refused(string url)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Host = "evil.example";
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync(url)).StatusCode);
    }
}

/// <summary>
/// Any Host allowed (as behind a proxy that does not check), a public base address, a proxy network named, and the
/// connection's remote address taken from a test header (TestServer has none of its own).
/// </summary>
public interface IProxiedApp;

internal static class ProxiedApp
{
    public const string RemoteHeader = "X-Test-Remote-Address";

    public static readonly Dictionary<string, string> Settings = new()
    {
        ["AllowedHosts"] = "*",
        ["Site:BaseUrl"] = SiteAddressTests<SqliteApp>.BaseUrl + "/",
        ["ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16",
    };

    public static void Configure(IWebHostBuilder builder) => builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, RemoteAddressFromHeader>());

    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(RemoteHeader, out var v) ? IPAddress.Parse(v.ToString()) : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public class ProxiedSqliteApp : SqliteApp, IProxiedApp
{
    protected override IReadOnlyDictionary<string, string> Settings => ProxiedApp.Settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ProxiedApp.Configure(builder);
    }
}

public class ProxiedPostgresApp : PostgresApp, IProxiedApp
{
    protected override IReadOnlyDictionary<string, string> Settings => ProxiedApp.Settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ProxiedApp.Configure(builder);
    }
}

public sealed class SiteAddressTests_Sqlite(ProxiedSqliteApp app) : SiteAddressTests<ProxiedSqliteApp>(app);

public sealed class SiteAddressTests_Postgres(ProxiedPostgresApp app) : SiteAddressTests<ProxiedPostgresApp>(app);

public sealed class AllowedHostsTests_Sqlite(SqliteApp app) : AllowedHostsTests<SqliteApp>(app);

public sealed class AllowedHostsTests_Postgres(PostgresApp app) : AllowedHostsTests<PostgresApp>(app);
