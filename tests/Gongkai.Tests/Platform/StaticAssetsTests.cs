using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform;

/// <summary>
/// wwwroot served from the build's static web assets manifest (MapStaticAssets, issue 16 item 5): each file compressed
/// at build (brotli and gzip) and answered in the coding the browser asks for, under a fingerprinted URL that may be
/// kept a year, and the layouts link the fingerprinted URLs (so a new build is fetched at once).
/// </summary>
public sealed partial class StaticAssetsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>The fingerprinted route of a wwwroot file, as the manifest maps it (e.g. <c>/js/error-summary.abc123.js</c>).</summary>
    private string Fingerprinted(string folder, string name, string extension)
    {
        var pattern = new Regex($"^/?{folder}/{Regex.Escape(name)}\\.[a-z0-9]+\\.{extension}$");
        var routes = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "").Where(r => pattern.IsMatch(r)).Distinct().ToList();
        var route = Assert.Single(routes);
        return route.StartsWith('/') ? route : "/" + route;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await client.SendAsync(request);
    }

    private static byte[] Decode(byte[] body, string? coding) => coding switch
    {
        "br" => Decompress(new BrotliStream(new MemoryStream(body), CompressionMode.Decompress)),
        "gzip" => Decompress(new GZipStream(new MemoryStream(body), CompressionMode.Decompress)),
        _ => body,
    };

    private static byte[] Decompress(Stream stream)
    {
        using var output = new MemoryStream();
        using (stream)
        {
            stream.CopyTo(output);
        }

        return output.ToArray();
    }

    [Theory]
    [InlineData("css", "site", "css", "text/css", ".site-header")]
    [InlineData("js", "error-summary", "js", "text/javascript", "error-summary")]
    public async Task A_fingerprinted_asset_is_answered_in_brotli_gzip_or_identity_and_kept_a_year(string folder, string name, string extension, string type, string marker)
    {
        var client = app.Browser();
        var url = Fingerprinted(folder, name, extension);
        byte[]? identity = null;
        var etags = new List<string>();
        foreach (var (accept, coding) in new[] { ((string?)null, (string?)null), ("br", "br"), ("gzip, deflate, br", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip"), ("identity", null) })
        {
            var response = await GetAsync(client, url, accept);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(coding, response.Content.Headers.ContentEncoding.SingleOrDefault());
            Assert.StartsWith(type, response.Content.Headers.ContentType?.ToString());
            var cacheControl = response.Headers.CacheControl?.ToString() ?? "";
            Assert.Contains("immutable", cacheControl);
            Assert.Contains("max-age=31536000", cacheControl);
            Assert.NotNull(response.Headers.ETag);
            etags.Add(response.Headers.ETag!.Tag);
            var body = Decode(await response.Content.ReadAsByteArrayAsync(), coding);
            identity ??= body;
            Assert.Equal(identity, body);
            if (coding is not null)
            {
                Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < body.Length, $"{url} in {coding} is not smaller");
                Assert.Contains("Accept-Encoding", response.Headers.Vary);
            }
        }

        Assert.Contains(marker, System.Text.Encoding.UTF8.GetString(identity!));
        // Each coding has its own ETag (they are different bytes), and the browser's own copy is answered 304.
        Assert.Equal(3, etags.Distinct().Count());
        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        again.Headers.TryAddWithoutValidation("If-None-Match", etags[1]);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task The_plain_url_still_answers_and_is_revalidated_not_kept()
    {
        var response = await GetAsync(app.Browser(), "/css/site.css", "br");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.DoesNotContain("immutable", response.Headers.CacheControl?.ToString() ?? "");
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task The_layouts_link_the_fingerprinted_urls_also_on_cached_pages()
    {
        var client = app.Browser();
        var site = Fingerprinted("css", "site", "css");
        var english = Fingerprinted("css", "english", "css");
        foreach (var path in new[] { "/", "/", "/catalogue", "/en/", "/en/" })
        {
            var html = await client.GetStringAsync(path);
            var links = Stylesheets().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.Contains(site, links);
            Assert.DoesNotContain("/css/site.css", links.Select(l => l.Split('?')[0]));
            if (path.StartsWith("/en/", StringComparison.Ordinal))
            {
                Assert.Contains(english, links);
            }
        }
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheets();
}
