using Gongkai.Platform.Data;
using Gongkai.Requests.Clock;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Intake;

/// <summary>What the applicant sees of their request: stage and due date, never staff notes or personal data.</summary>
public sealed record TrackedRequest(string TrackingNumber, string OrganName, string Channel, DateOnly ReceivedOn, string Stage, DateOnly? DueOn,
    string Timeliness, string? Outcome, DateOnly? ClosedOn, IReadOnlyList<string> Explanation, string? DuePendingReason, string DueText,
    string? DueProvisionalReason);

/// <summary>
/// The applicant follows a request with its tracking number and secret. A wrong secret and an unknown number give
/// the same answer (not found), so numbers cannot be probed.
/// </summary>
public sealed class TrackRequest(GongkaiDb db, RequestClock clock)
{
    public async Task<TrackedRequest?> FindAsync(string? trackingNumber, string? secret, CancellationToken ct = default)
    {
        var number = TrackingNumbers.Normalize(trackingNumber);
        if (number.Length == 0 || string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }

        var request = await db.DisclosureRequests.AsNoTracking().Include(r => r.Events).FirstOrDefaultAsync(r => r.TrackingNumber == number, ct);
        if (request is null || !RequestSecret.Matches(request.SecretHash, secret))
        {
            return null;
        }

        var state = await clock.StateAsync(request, ct);
        var organ = await db.Organs.Where(o => o.Id == request.OrganId).Select(o => o.FullName).SingleAsync(ct);
        return new(request.TrackingNumber, organ, request.Channel.Label(), request.ReceivedOn, request.Stage.Label(), state.DueOn,
            state.Timeliness.Label(), request.Outcome?.Label() ?? state.LapsedAs?.Label(), request.ClosedOn, state.Explanation, state.DuePendingReason,
            RequestClock.DueText(state), state.DueProvisional ? state.ProvisionalReason : null);
    }

    /// <summary>
    /// The acknowledgement again, for the browser that filed the request and kept its number and secret for a short time
    /// (<see cref="Platform.Web.KeptReceipt"/>): null when they do not match.
    /// </summary>
    public async Task<FiledRequest?> ReceiptAsync(string trackingNumber, string secret, CancellationToken ct = default)
    {
        var number = TrackingNumbers.Normalize(trackingNumber);
        var request = await db.DisclosureRequests.AsNoTracking().Include(r => r.Events).FirstOrDefaultAsync(r => r.TrackingNumber == number, ct);
        if (request is null || !RequestSecret.Matches(request.SecretHash, secret))
        {
            return null;
        }

        return new FiledRequest(request, secret, await clock.StateAsync(request, ct), Repeated: true);
    }
}
