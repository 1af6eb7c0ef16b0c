using Gongkai.Platform.Data;
using Gongkai.Requests.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Intake.Tracking;

/// <summary>
/// The applicant downloads a reply letter of their request: proven by a pass from the tracking page or by the number and
/// 查询码 posted again (a wrong one finds nothing, as on the tracking page). Audited by <see cref="ProduceLetter.OpenForApplicantAsync"/>;
/// rate-limited with every public POST (Platform/Web/RateLimits).
/// </summary>
public sealed class ApplicantLetters(GongkaiDb db, TrackingPass passes, ProduceLetter letters)
{
    public async Task<(SentLetter Letter, Stream Content)?> OpenAsync(string? pass, string? trackingNumber, string? secret, Guid letterId, CancellationToken ct = default)
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

        // Only a delivered reply is the applicant's to download.
        return request is { DeliveredOn: not null } ? await letters.OpenForApplicantAsync(request, letterId, ct) : null;
    }
}
