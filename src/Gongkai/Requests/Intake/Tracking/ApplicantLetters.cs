using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Files;
using Gongkai.Requests.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Intake.Tracking;

/// <summary>
/// The applicant downloads a reply letter, or a file the reply released (公开的政府信息), of their request: proven by a pass
/// from the tracking page or by the number and 查询码 posted again (a wrong one finds nothing, as on the tracking page),
/// and only once the reply is delivered; another request's file is not found. Each download is audited (letters by
/// <see cref="ProduceLetter.OpenForApplicantAsync"/>); rate-limited with every public POST (Platform/Web/RateLimits).
/// </summary>
public sealed class ApplicantLetters(GongkaiDb db, TrackingPass passes, ProduceLetter letters, FileStore files, AuditLog audit)
{
    public async Task<(SentLetter Letter, Stream Content)?> OpenAsync(string? pass, string? trackingNumber, string? secret, Guid letterId, CancellationToken ct = default) =>
        await DeliveredAsync(pass, trackingNumber, secret, ct) is { } request ? await letters.OpenForApplicantAsync(request, letterId, ct) : null;

    public async Task<(RequestAttachment File, Stream Content)?> OpenReleasedAsync(string? pass, string? trackingNumber, string? secret, Guid fileId,
        CancellationToken ct = default)
    {
        if (await DeliveredAsync(pass, trackingNumber, secret, ct) is not { } request || !Handling.ReleasedFiles.Releases(request))
        {
            return null;
        }

        var file = await db.RequestAttachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == fileId && a.RequestId == request.Id && a.Kind == RequestFileKind.Released, ct);
        if (file is null || files.Open(file.Sha256) is not { } content)
        {
            return null;
        }

        audit.Record(RequestAuditActions.ApplicantReleasedFileDownload, "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}：申请人凭受理编号和查询码下载公开的政府信息文件“{file.FileName}”", request.OrganId);
        await db.SaveChangesAsync(ct);
        return (file, content);
    }

    /// <summary>The request the pass or the number and 查询码 prove, when its reply is delivered (only then is anything the applicant's to download).</summary>
    private async Task<DisclosureRequest?> DeliveredAsync(string? pass, string? trackingNumber, string? secret, CancellationToken ct)
    {
        DisclosureRequest? request = null;
        if (passes.Read(pass) is { } id)
        {
            request = await db.DisclosureRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        }
        else if (TrackingNumbers.Normalize(trackingNumber) is { Length: > 0 } number && !string.IsNullOrWhiteSpace(secret))
        {
            request = await db.DisclosureRequests.AsNoTracking().FirstOrDefaultAsync(r => r.TrackingNumber == number, ct);
            if (request is not null && !RequestSecret.Matches(request.SecretHash, secret))
            {
                request = null;
            }
        }

        return request is { DeliveredOn: not null } ? request : null;
    }
}
