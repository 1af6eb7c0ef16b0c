using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Web;

internal static class HealthEndpoints
{
    /// <summary>/healthz: the process answers. /readyz: the database answers and has every migration.</summary>
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).ExcludeFromDescription();
        app.MapGet("/readyz", async (GongkaiDb db, CancellationToken ct) =>
        {
            try
            {
                if (!await db.Database.CanConnectAsync(ct))
                {
                    return Results.Json(new { status = "unavailable", database = "无法连接数据库" }, statusCode: 503);
                }

                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
                return pending == 0
                    ? Results.Json(new { status = "ready", database = db.Database.ProviderName })
                    : Results.Json(new { status = "unavailable", database = $"有{pending}个迁移尚未执行" }, statusCode: 503);
            }
            catch (Exception)
            {
                return Results.Json(new { status = "unavailable", database = "无法连接数据库" }, statusCode: 503);
            }
        }).ExcludeFromDescription();
    }
}
