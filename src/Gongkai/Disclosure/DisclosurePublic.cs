using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Files;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Disclosure;

/// <summary>The public side of 主动公开 that is not a page: attachment downloads.</summary>
internal static class DisclosurePublic
{
    /// <summary>
    /// The portal's configured address (Site:BaseUrl) for absolute links in feeds and the sitemap; never the request's
    /// Host header, which the sender chooses.
    /// </summary>
    public static string Portal(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Platform.Web.SiteOptions>>().Value.Portal;

    public static void MapDisclosurePublic(this WebApplication app)
    {
        // An attachment of a document the public may see; or, for signed-in staff who may see the document's organ, of a
        // draft (the editor's images in the staff preview). Anyone else: 404 until it is published. The bytes come from
        // the file store under their SHA-256.
        app.MapGet("/documents/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, DocumentPages pages, FileStore files,
            ILoggerFactory logs, HttpContext context, CancellationToken ct) =>
        {
            var view = await pages.GetAsync(id, ct);
            var attachment = view?.Document.Attachments.FirstOrDefault(a => a.Id == attachmentId);
            var isPublic = attachment is not null;
            if (attachment is null && context.User.Identity?.IsAuthenticated == true
                && await context.RequestServices.GetRequiredService<DocumentFinder>().ReadAsync(id, ct) is { } draft)
            {
                attachment = draft.Attachments.FirstOrDefault(a => a.Id == attachmentId);
            }

            if (attachment is null)
            {
                return Results.NotFound();
            }

            var stream = files.Open(attachment.Sha256);
            if (stream is null)
            {
                logs.CreateLogger("Gongkai.Disclosure.Attachments").LogError("Attachment {Attachment} of document {Document}: file {Sha256} is missing from the file store",
                    attachment.Id, id, attachment.Sha256);
                return Results.NotFound();
            }

            // Published documents can be withdrawn at any moment: caches must ask again. A draft's file is never stored.
            context.Response.Headers.CacheControl = isPublic ? "no-cache" : "private, no-store";
            return Results.File(stream, attachment.ContentType, attachment.FileName, lastModified: attachment.CreatedAt,
                entityTag: new EntityTagHeaderValue($"\"{attachment.Sha256}\""), enableRangeProcessing: true);
        }).ExcludeFromDescription();
    }
}
