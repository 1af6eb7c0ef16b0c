using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Files;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Policy.Interpretations;

/// <summary>
/// The editor's uploads into an interpretation: content-checked (<see cref="FileTypes"/>: PNG/JPEG/GIF, PDF, Word, Excel,
/// text; a file whose content contradicts its name is refused), size-limited (Disclosure:MaxAttachmentBytes, the same
/// limit as documents), audited as interpretation.asset.add. Reading: the public sees an asset only while its
/// interpretation is published; staff of the interpretation's organ see it in a draft (the staff preview); anyone else
/// gets 404.
/// </summary>
public sealed class InterpretationAssets(GongkaiDb db, FileStore files, AuditLog audit, StaffAccess access, IConfiguration configuration, TimeProvider clock)
{
    public long MaxBytes => configuration.GetValue("Disclosure:MaxAttachmentBytes", 20L * 1024 * 1024);

    public async Task<InterpretationAsset> AddAsync(Interpretation i, string? fileName, byte[] content, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(i.OrganId, DocumentAccess.Editors, "上传图片或附件到", "政策解读");
        var (name, kind) = UploadCheck.Accept(fileName, content, MaxBytes, "file");

        var stored = await files.SaveAsync(db, content, ct);
        var asset = new InterpretationAsset
        {
            InterpretationId = i.Id, FileName = name, ContentType = kind.ContentType, Size = stored.Size, Sha256 = stored.Sha256, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(asset);
        audit.Record(PolicyAuditActions.InterpretationAssetAdd, "Interpretation", i.Id.ToString(), $"为政策解读“{i.Title}”上传“{name}”（{kind.Name}，{stored.Size}字节）", i.OrganId, role);
        await db.SaveChangesAsync(ct);
        return asset;
    }

    /// <summary>The address the editor puts into the text.</summary>
    public static string UrlOf(InterpretationAsset asset) => $"/interpretations/{asset.InterpretationId}/assets/{asset.Id}";

    /// <summary>
    /// The asset when the reader may see it: the interpretation is published, or the reader is signed-in staff who may see
    /// the interpretation's organ's records (<see cref="DocumentAccess.Viewers"/>). Null (404) otherwise. The second value
    /// says whether it is public (cacheable by browsers only with revalidation) or a draft's (private, not stored).
    /// </summary>
    public async Task<(InterpretationAsset Asset, bool IsPublic)?> ReadAsync(Guid interpretationId, Guid assetId, bool signedIn, CancellationToken ct = default)
    {
        var row = await db.Set<InterpretationAsset>().AsNoTracking()
            .Where(a => a.Id == assetId && a.InterpretationId == interpretationId)
            .Join(db.Set<Interpretation>(), a => a.InterpretationId, i => i.Id, (a, i) => new { Asset = a, i.Status, i.OrganId })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        if (row.Status == InterpretationStatus.Published)
        {
            return (row.Asset, true);
        }

        return signedIn && await access.RoleForAsync(row.OrganId, DocumentAccess.Viewers) is not null ? (row.Asset, false) : null;
    }

    /// <summary>GET /interpretations/{id}/assets/{asset}: the bytes, or 404 (see <see cref="ReadAsync"/>).</summary>
    internal static void Map(WebApplication app) =>
        app.MapGet("/interpretations/{id:guid}/assets/{assetId:guid}", async (Guid id, Guid assetId, InterpretationAssets assets, FileStore files,
            HttpContext context, CancellationToken ct) =>
        {
            var found = await assets.ReadAsync(id, assetId, context.User.Identity?.IsAuthenticated == true, ct);
            if (found is not { } f || files.Open(f.Asset.Sha256) is not { } stream)
            {
                return Results.NotFound();
            }

            // Published interpretations can be withdrawn at any moment: caches must ask again; a draft's file is never stored.
            context.Response.Headers.CacheControl = f.IsPublic ? "no-cache" : "private, no-store";
            return Results.File(stream, f.Asset.ContentType, f.Asset.FileName, lastModified: f.Asset.CreatedAt,
                entityTag: new EntityTagHeaderValue($"\"{f.Asset.Sha256}\""), enableRangeProcessing: true);
        }).ExcludeFromDescription();
}
