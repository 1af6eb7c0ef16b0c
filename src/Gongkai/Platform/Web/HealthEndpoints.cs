namespace Gongkai.Platform.Web;

internal static class HealthEndpoints
{
    /// <summary>
    /// /healthz: the process answers. /readyz: the database is reachable, has every migration and takes a write, and the
    /// file store takes a file (<see cref="ReadinessProbe"/>); 503 with Retry-After otherwise, so a load balancer stops
    /// sending traffic while writes fail.
    /// </summary>
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).ExcludeFromDescription();
        app.MapGet("/readyz", async (ReadinessProbe probe, HttpContext http, CancellationToken ct) =>
        {
            var result = await probe.CheckAsync(ct);
            if (result.Ready)
            {
                return Results.Json(new { status = "ready", database = http.RequestServices.GetRequiredService<Data.GongkaiDb>().Database.ProviderName, files = "ok" });
            }

            http.Response.Headers.RetryAfter = Data.InfrastructureFailure.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { status = "unavailable", database = result.Database, files = result.Files }, statusCode: 503);
        }).ExcludeFromDescription();
    }
}
