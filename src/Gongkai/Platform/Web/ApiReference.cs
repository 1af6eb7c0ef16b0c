using System.Net;
using Scalar.AspNetCore;

namespace Gongkai.Platform.Web;

internal static class ApiReference
{
    /// <summary>
    /// The interactive API reference for developers at /api/docs: Scalar's own bundle served from the package's local
    /// assets (/api/docs/scalar.js), started by /js/api-docs.js. The package's page configures Scalar in an inline
    /// script, which would need 'unsafe-inline' in the Content-Security-Policy; this page replaces it (ordered first).
    /// </summary>
    public static void MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference("/api/docs", o => o
            .WithTitle("公开 Gongkai API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapGet("/api/docs/{documentName:regex(^v[0-9]{{1,3}}$)?}", (string? documentName) =>
                Results.Content(Page(documentName ?? "v1"), "text/html; charset=utf-8"))
            .WithOrder(-1)
            .ExcludeFromDescription();
    }

    private static string Page(string documentName) =>
        "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
        "<title>公开 Gongkai API</title>\n</head>\n<body>\n" +
        $"<div id=\"app\" data-openapi=\"/openapi/{WebUtility.HtmlEncode(documentName)}.json\"></div>\n" +
        "<script src=\"/api/docs/scalar.js\"></script>\n<script src=\"/js/api-docs.js\"></script>\n</body>\n</html>\n";
}
