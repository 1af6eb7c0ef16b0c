using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Files;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Handling;

/// <summary>
/// 公开的政府信息: the files a reply releases (予以公开, 部分公开 — for 部分公开 the redacted copy), attached by the organ's
/// handlers on the reply step of the case page and kept in the file store like every request file
/// (<see cref="RequestAttachment"/> with <see cref="RequestFileKind.Released"/>). The applicant downloads them from the
/// tracking page once the reply is delivered (<see cref="Intake.Tracking.ApplicantLetters"/>); until then a file can be
/// removed, afterwards it stays as the record of what was released. Content is recognised by its bytes, as for document
/// attachments; a disguised or oversized file is refused with the reason.
/// </summary>
public sealed class ReleasedFiles(GongkaiDb db, FileStore files, AuditLog audit, StaffAccess access, IConfiguration configuration, TimeProvider clock)
{
    public long MaxBytes => configuration.GetValue("Requests:MaxReleasedFileBytes", 20L * 1024 * 1024);

    /// <summary>Whether the reply (proposed or final) releases information, so files may be attached.</summary>
    public static bool Releases(DisclosureRequest request) =>
        (request.Outcome ?? request.ProposedOutcome) is RequestOutcome.Disclosed or RequestOutcome.PartlyDisclosed;

    /// <summary>The released files of a request, oldest first.</summary>
    public Task<List<RequestAttachment>> ListAsync(Guid requestId, CancellationToken ct = default) =>
        db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == requestId && a.Kind == RequestFileKind.Released)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(ct);

    public async Task<RequestAttachment> AddAsync(DisclosureRequest request, string? fileName, byte[] content, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(request.OrganId, RequestAccess.Handlers, "上传公开的政府信息到", RequestAccess.Records);
        if (!Releases(request))
        {
            throw new ValidationFailure("只有办理结果为予以公开或部分公开的答复才能上传公开的政府信息文件。", "ReleasedFile");
        }

        var (name, kind) = UploadCheck.Accept(fileName, content, MaxBytes, "ReleasedFile");

        var stored = await files.SaveAsync(db, content, ct);
        var file = new RequestAttachment
        {
            RequestId = request.Id,
            Kind = RequestFileKind.Released,
            FileName = name,
            ContentType = kind.ContentType,
            Size = stored.Size,
            Sha256 = stored.Sha256,
            CreatedAt = clock.GetUtcNow(),
        };
        db.RequestAttachments.Add(file);
        audit.Record(RequestAuditActions.ReleasedFileAdd, "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}：上传公开的政府信息文件“{name}”（{kind.Name}，{stored.Size}字节，SHA-256 {stored.Sha256[..12]}）"
            + (request.DeliveredOn is null ? "，答复送达后申请人可下载" : "，申请人现在即可下载"), request.OrganId, role);
        await db.SaveChangesAsync(ct);
        return file;
    }

    /// <summary>Removes a released file before the reply is delivered; afterwards the applicant may have it, and it stays.</summary>
    public async Task RemoveAsync(DisclosureRequest request, Guid fileId, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(request.OrganId, RequestAccess.Handlers, "删除公开的政府信息文件", RequestAccess.Records);
        var file = await db.RequestAttachments.FirstOrDefaultAsync(a => a.Id == fileId && a.RequestId == request.Id && a.Kind == RequestFileKind.Released, ct)
            ?? throw new ValidationFailure("未找到该文件，可能已被删除。", "ReleasedFile");
        if (request.DeliveredOn is not null)
        {
            throw new ValidationFailure("答复已送达，申请人可能已下载该文件，不能删除；如有错误，请上传更正后的文件并告知申请人。", "ReleasedFile");
        }

        db.RequestAttachments.Remove(file);
        audit.Record(RequestAuditActions.ReleasedFileRemove, "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}：删除公开的政府信息文件“{file.FileName}”", request.OrganId, role);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A released file for the staff who can see the request (the finder has already applied their scope).</summary>
    public async Task<(RequestAttachment File, Stream Content)?> OpenAsync(DisclosureRequest request, Guid fileId, CancellationToken ct = default)
    {
        var file = await db.RequestAttachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == fileId && a.RequestId == request.Id && a.Kind == RequestFileKind.Released, ct);
        return file is not null && files.Open(file.Sha256) is { } content ? (file, content) : null;
    }
}
