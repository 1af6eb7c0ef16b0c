using System.Globalization;
using System.IO.Compression;
using Gongkai.Platform.Web;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Platform.Caching;

/// <summary>Settings of the public page cache (configuration section "PublicCache").</summary>
public sealed class PublicCacheOptions
{
    /// <summary>Off only to measure or to look for a fault; pages are then made on every request (ETags still answered).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Memory for cached pages, in megabytes (their identity, gzip and brotli forms together).</summary>
    public int MegaBytes { get; set; } = 128;

    /// <summary>A page larger than this (kilobytes) is sent but not kept.</summary>
    public int MaxPageKiloBytes { get; set; } = 2048;
}

/// <summary>
/// The output cache of public pages (docs/ARCHITECTURE.md §Public page cache). For a GET or HEAD of a route in
/// <see cref="PublicCacheRoutes"/>, from someone who is not signed in: the counters of the route's tags are read from
/// the database (<see cref="ContentVersions"/>), and the page is served from memory only if it was made under the
/// same counters, the same minute or day, the same build, elder mode and language. The ETag says exactly that, so a
/// browser's If-None-Match is answered 304 without making the page. A page is kept only when it is a 200 without
/// Set-Cookie and without Cache-Control private/no-store (a form's anti-forgery token sets no-store).
/// Staff (a sign-in cookie or an Authorization header) always get a page made for them and nothing is kept.
/// </summary>
public sealed class PublicPageCache : IDisposable
{
    private const string StaffCookie = "gk.auth";
    private static readonly string Build = typeof(PublicPageCache).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];
    private static readonly StringValues Revalidate = "no-cache";
    private static readonly StringValues Varies = "Accept-Encoding, Accept-Language, Cookie";

    /// <summary>Headers the page's own answer never carries into the cache: they are the server's, or set here.</summary>
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Server, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.ETag,
        HeaderNames.LastModified, HeaderNames.CacheControl, HeaderNames.Vary, HeaderNames.SetCookie, HeaderNames.Pragma,
        HeaderNames.Expires, HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.ContentEncoding, HeaderNames.ContentType,
    };

    private readonly ContentVersions versions;
    private readonly TimeProvider clock;
    private readonly PublicCacheOptions options;
    private readonly ILogger<PublicPageCache> log;
    private readonly MemoryCache store;
    private readonly DateTimeOffset started;

    public PublicPageCache(ContentVersions versions, TimeProvider clock, IOptions<PublicCacheOptions> options, ILogger<PublicPageCache> log)
    {
        this.versions = versions;
        this.clock = clock;
        this.options = options.Value;
        this.log = log;
        store = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, this.options.MegaBytes) * 1024L * 1024L });
        started = Seconds(clock.GetUtcNow());
    }

    /// <summary>Counts since start, for the tests and the administrators' eyes.</summary>
    public long Hits => Interlocked.Read(ref hits);

    public long Stores => Interlocked.Read(ref stores);

    private long hits;
    private long stores;
    private volatile Day? day;

    private sealed record Day(int Number, DateTimeOffset Since, DateTimeOffset Until);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var get = HttpMethods.IsGet(request.Method);
        if ((!get && !HttpMethods.IsHead(request.Method))
            || PublicCacheRoutes.Match(request.Path.Value ?? "") is not { } rule
            || IsStaff(request)
            || request.QueryString.Value?.Length > 1024)
        {
            await next(context);
            return;
        }

        ContentStamp stamp;
        try
        {
            stamp = await versions.CurrentAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // Without the counters nothing cached can be trusted: the page is made as if there were no cache.
            log.LogWarning(e, "Content versions could not be read; {Path} is served without the page cache", request.Path);
            await next(context);
            return;
        }

        var (sum, changedAt) = stamp.Of(rule.Tags);
        var now = clock.GetUtcNow();
        DateTimeOffset since;
        long period;
        if (rule.Freshness == Freshness.Minute)
        {
            period = now.ToUnixTimeSeconds() / 60;
            since = DateTimeOffset.FromUnixTimeSeconds(period * 60);
        }
        else
        {
            // The district day, worked out once a day rather than converted on every request.
            var day = this.day;
            if (day is null || now < day.Since || now >= day.Until)
            {
                var today = ChineseDates.LocalDay(now);
                this.day = day = new Day(today.DayNumber, ChineseDates.StartOf(today), ChineseDates.StartOf(today.AddDays(1)));
            }

            period = day.Number;
            since = day.Since;
        }

        var elder = Preferences.ElderMode(context);
        var culture = CultureInfo.CurrentUICulture.Name;
        var etag = string.Create(CultureInfo.InvariantCulture, $"W/\"{Build}.{sum}.{period}.{(elder ? 'e' : 'n')}{culture}\"");
        var lastModified = Max(Max(started, since), Seconds(DateTimeOffset.FromUnixTimeMilliseconds(changedAt)));
        var key = string.Concat(request.IsHttps ? "s" : "h", elder ? "e" : "n", culture, " ", request.Path.Value, request.QueryString.Value);

        if (options.Enabled && store.TryGetValue(key, out CachedPage? page) && page!.ETag == etag)
        {
            Interlocked.Increment(ref hits);
            if (NotModified(request, etag, page.LastModified))
            {
                NotModifiedAnswer(context, etag, page.LastModified);
                return;
            }

            await page.WriteAsync(context, get);
            return;
        }

        if (NotModified(request, etag, lastModified))
        {
            // The browser holds the page of these very counters: nothing to make.
            NotModifiedAnswer(context, etag, lastModified);
            return;
        }

        await MakeAsync(context, next, get, key, etag, lastModified);
    }

    private async Task MakeAsync(HttpContext context, RequestDelegate next, bool get, string key, string etag, DateTimeOffset lastModified)
    {
        var response = context.Response;
        var before = response.Headers.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var original = response.Body;
        var capture = new CaptureStream(original, get && options.Enabled ? options.MaxPageKiloBytes * 1024 : 0);
        response.Body = capture;
        var keep = false;
        response.OnStarting(() =>
        {
            keep = Keepable(context);
            if (keep)
            {
                var headers = response.Headers;
                headers.ETag = etag;
                headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
                headers.CacheControl = Revalidate;
                headers.Vary = Varies;
                headers.Remove(HeaderNames.Expires);
                headers.Remove(HeaderNames.Pragma);
            }

            return Task.CompletedTask;
        });

        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (!keep || !get || !options.Enabled || response.StatusCode != StatusCodes.Status200OK || capture.Captured is not { } body
            || context.RequestAborted.IsCancellationRequested || Keepable(context) == false)
        {
            return;
        }

        var kept = new List<KeyValuePair<string, StringValues>>();
        foreach (var (name, value) in response.Headers)
        {
            if (!before.Contains(name) && !NotKept.Contains(name))
            {
                kept.Add(new(name, value));
            }
        }

        var page = new CachedPage(etag, lastModified, response.ContentType, kept, body);
        using (var entry = store.CreateEntry(key))
        {
            entry.Value = page;
            entry.Size = page.Size;
            entry.SlidingExpiration = TimeSpan.FromHours(6);
        }

        Interlocked.Increment(ref stores);
        if (page.Compressible)
        {
            // Browsers ask for brotli or gzip; made once, away from this request (its size was counted already).
            _ = Task.Run(page.Compress);
        }
    }

    /// <summary>A page that may be kept: a 200 for nobody in particular.</summary>
    private static bool Keepable(HttpContext context)
    {
        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || response.Headers.ContainsKey(HeaderNames.ContentEncoding) || context.User.Identity?.IsAuthenticated == true
            || string.IsNullOrEmpty(response.ContentType))
        {
            return false;
        }

        foreach (var value in response.Headers.CacheControl)
        {
            if (value is not null && (value.Contains("no-store", StringComparison.OrdinalIgnoreCase) || value.Contains("private", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsStaff(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || request.Cookies.ContainsKey(StaffCookie);

    /// <summary>RFC 9110 §13.1: If-None-Match when present (weak comparison), else If-Modified-Since.</summary>
    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var noneMatch = request.Headers.IfNoneMatch;
        if (noneMatch.Count > 0)
        {
            foreach (var value in noneMatch)
            {
                if (value is null)
                {
                    continue;
                }

                foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (part == "*" || WeakEquals(part, etag))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        var since = request.Headers.IfModifiedSince;
        return since.Count == 1
               && DateTimeOffset.TryParseExact(since[0], "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
               && at >= lastModified;
    }

    private static bool WeakEquals(string a, string b) =>
        a.AsSpan(a.StartsWith("W/", StringComparison.Ordinal) ? 2 : 0).SequenceEqual(b.AsSpan(b.StartsWith("W/", StringComparison.Ordinal) ? 2 : 0));

    private static void NotModifiedAnswer(HttpContext context, string etag, DateTimeOffset lastModified)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status304NotModified;
        var headers = response.Headers;
        headers.ETag = etag;
        headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
        headers.CacheControl = Revalidate;
        headers.Vary = Varies;
    }

    private static DateTimeOffset Seconds(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public void Dispose() => store.Dispose();

    /// <summary>One kept page: its bytes as made, and compressed once asked for.</summary>
    private sealed class CachedPage(string etag, DateTimeOffset lastModified, string? contentType, List<KeyValuePair<string, StringValues>> headers, byte[] body)
    {
        private volatile byte[]? brotli;
        private volatile byte[]? gzip;

        public string ETag { get; } = etag;

        public DateTimeOffset LastModified { get; } = lastModified;

        private readonly string lastModifiedText = lastModified.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>The body, and room for its two compressed forms (at most as large), in bytes.</summary>
        public long Size => (Compressible ? 2L * body.Length : body.Length) + 512;

        public bool Compressible => body.Length >= 512 && contentType is { } t
            && (t.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || t.Contains("xml", StringComparison.OrdinalIgnoreCase) || t.Contains("json", StringComparison.OrdinalIgnoreCase));

        public void Compress()
        {
            var br = new byte[BrotliEncoder.GetMaxCompressedLength(body.Length)];
            if (BrotliEncoder.TryCompress(body, br, out var written, quality: 5, window: 22) && written < body.Length)
            {
                brotli = br[..written];
            }

            using var buffer = new MemoryStream(body.Length / 3);
            using (var zip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                zip.Write(body);
            }

            if (buffer.Length < body.Length)
            {
                gzip = buffer.ToArray();
            }
        }

        public Task WriteAsync(HttpContext context, bool withBody)
        {
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = contentType;
            var h = response.Headers;
            foreach (var (name, value) in headers)
            {
                h[name] = value;
            }

            h.ETag = ETag;
            h.LastModified = lastModifiedText;
            h.CacheControl = Revalidate;
            h.Vary = Varies;
            var bytes = body;
            if ((brotli is not null || gzip is not null) && context.Request.Headers.AcceptEncoding is { Count: > 0 } accept)
            {
                if (brotli is { } br && Accepts(accept, "br"))
                {
                    bytes = br;
                    h.ContentEncoding = "br";
                }
                else if (gzip is { } gz && Accepts(accept, "gzip"))
                {
                    bytes = gz;
                    h.ContentEncoding = "gzip";
                }
            }

            response.ContentLength = bytes.Length;
            return withBody ? response.Body.WriteAsync(bytes, context.RequestAborted).AsTask() : Task.CompletedTask;
        }

        /// <summary>The coding is listed, and not with q=0 (read in place: browsers send it on every request).</summary>
        private static bool Accepts(StringValues header, string coding)
        {
            foreach (var value in header)
            {
                var rest = value.AsSpan();
                while (!rest.IsEmpty)
                {
                    var comma = rest.IndexOf(',');
                    var item = (comma < 0 ? rest : rest[..comma]).Trim();
                    rest = comma < 0 ? default : rest[(comma + 1)..];
                    var semicolon = item.IndexOf(';');
                    var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
                    if (!name.Equals(coding, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var parameters = semicolon < 0 ? default : item[(semicolon + 1)..];
                    while (!parameters.IsEmpty)
                    {
                        var next = parameters.IndexOf(';');
                        var parameter = (next < 0 ? parameters : parameters[..next]).Trim();
                        parameters = next < 0 ? default : parameters[(next + 1)..];
                        if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                            && double.TryParse(parameter[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q <= 0)
                        {
                            return false;
                        }
                    }

                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Passes the page through to the client and keeps a copy of up to <c>limit</c> bytes.</summary>
    private sealed class CaptureStream(Stream inner, int limit) : Stream
    {
        private MemoryStream? copy = limit > 0 ? new MemoryStream() : null;

        /// <summary>The whole body, or null when it was larger than the limit.</summary>
        public byte[]? Captured => copy?.ToArray();

        private void Keep(ReadOnlySpan<byte> data)
        {
            if (copy is null)
            {
                return;
            }

            if (copy.Length + data.Length > limit)
            {
                copy = null;
                return;
            }

            copy.Write(data);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Keep(buffer);
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Keep(buffer.AsSpan(offset, count));
            return inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
