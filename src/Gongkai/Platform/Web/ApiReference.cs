using Scalar.AspNetCore;

namespace Gongkai.Platform.Web;

internal static class ApiReference
{
    /// <summary>The interactive API reference for developers at /api/docs, served from the package's local assets.</summary>
    public static void MapApiReference(this WebApplication app) =>
        app.MapScalarApiReference("/api/docs", o => o
            .WithTitle("公开 Gongkai API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
}
