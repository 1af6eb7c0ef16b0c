using System.Threading.RateLimiting;

namespace Gongkai.Platform.Web;

/// <summary>
/// Public forms (sign-in now; applications and comments later) accept a limited number of POSTs per
/// address per minute (RateLimits:PublicFormPostsPerMinute; 0 turns the limit off, for load tests only). Staff pages and
/// the API are not limited here.
/// </summary>
internal static class RateLimits
{
    /// <summary>The same per-address limit for public API endpoints that file something (e.g. a disclosure request).</summary>
    public const string PublicFormPolicy = "public-form";

    public static IServiceCollection AddPublicFormRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:PublicFormPostsPerMinute", 20);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                // In the page's language (English under /en: request localisation runs before the limiter).
                var text = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
                await context.HttpContext.Response.WriteAsync(text["提交过于频繁，请一分钟后再试。"], ct);
            };
            o.AddPolicy(PublicFormPolicy, context => perMinute <= 0
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var path = context.Request.Path;
                var isPublicForm = HttpMethods.IsPost(context.Request.Method)
                    && !path.StartsWithSegments("/admin")
                    && !path.StartsWithSegments("/api");
                if (!isPublicForm || perMinute <= 0)
                {
                    return RateLimitPartition.GetNoLimiter("none");
                }

                var key = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
    }
}
