using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Intake;

/// <summary>What the applicant sees of their request: stage and due date, never staff notes or personal data.</summary>
public sealed record TrackedRequest(string TrackingNumber, string OrganName, string Channel, DateOnly ReceivedOn, string Stage, DateOnly? DueOn,
    string Timeliness, string? Outcome, DateOnly? ClosedOn, IReadOnlyList<string> Explanation, string? DuePendingReason, string DueText,
    string? DueProvisionalReason)
{
    /// <summary>The request's steps as they happened (收到, 登记, 补正, 延期, 收费, 送达 …), oldest first.</summary>
    public IReadOnlyList<TrackingStep> Steps { get; init; } = [];

    /// <summary>The reply letters kept as sent (发文存档), newest first: downloadable once delivered.</summary>
    public IReadOnlyList<TrackedLetter> Letters { get; init; } = [];

    /// <summary>公开的政府信息: the files the delivered reply released, oldest first.</summary>
    public IReadOnlyList<TrackedFile> ReleasedFiles { get; init; } = [];

    /// <summary>已主动公开: the published document the reply points to.</summary>
    public Guid? PublishedDocumentId { get; init; }

    /// <summary>A short-lived pass for the downloads of this page (<see cref="TrackingPass"/>); never the 查询码 itself.</summary>
    public string? Pass { get; init; }
}

/// <summary>
/// The applicant follows a request with its tracking number and secret. A wrong secret and an unknown number give
/// the same answer (not found), so numbers cannot be probed. One indexed read by the unique tracking number (with the
/// clock events), the organ's name, and the kept letters only once the request is closed.
/// </summary>
public sealed class TrackRequest(GongkaiDb db, RequestClock clock, TrackingPass passes)
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

        return await DescribeAsync(request, ct);
    }

    /// <summary>The page for a request already proven by a pass (after a download was refused, the page is shown again).</summary>
    public async Task<TrackedRequest?> FindByPassAsync(string? pass, CancellationToken ct = default)
    {
        if (passes.Read(pass) is not { } id)
        {
            return null;
        }

        var request = await db.DisclosureRequests.AsNoTracking().Include(r => r.Events).FirstOrDefaultAsync(r => r.Id == id, ct);
        return request is null ? null : await DescribeAsync(request, ct);
    }

    private async Task<TrackedRequest> DescribeAsync(DisclosureRequest request, CancellationToken ct)
    {
        // The public explanation: no staff member's or third party's name (the staff case page keeps them).
        var state = await clock.PublicStateAsync(request, ct);
        var organ = await db.Organs.Where(o => o.Id == request.OrganId).Select(o => o.FullName).SingleAsync(ct);
        IReadOnlyList<TrackedLetter> letters = [];
        if (request.DeliveredOn is not null || request.Events.Any(e => e.Kind == ClockEventKind.Reopened))
        {
            letters = await db.SentLetters.AsNoTracking().Where(l => l.RequestId == request.Id).OrderByDescending(l => l.DeliveredOn).ThenByDescending(l => l.Id)
                .Select(l => new TrackedLetter(l.Id, l.Title, l.LetterDate, l.DeliveredOn, l.Size)).ToListAsync(ct);
        }

        // Released files are the applicant's only once a reply that releases information is delivered (the download checks the same):
        // files left from a proposal that was returned and replaced by a refusal are never offered.
        IReadOnlyList<TrackedFile> released = [];
        if (request.DeliveredOn is not null && Handling.ReleasedFiles.Releases(request))
        {
            released = await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == request.Id && a.Kind == RequestFileKind.Released)
                .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(a => new TrackedFile(a.Id, a.FileName, a.Size)).ToListAsync(ct);
        }

        return new(request.TrackingNumber, organ, request.Channel.Label(), request.ReceivedOn, request.Stage.Label(), state.DueOn,
            state.Timeliness.Label(), request.Outcome?.Label() ?? state.LapsedAs?.Label(), request.ClosedOn, state.Explanation, state.DuePendingReason,
            RequestClock.DueText(state), state.DueProvisional ? state.ProvisionalReason : null)
        {
            Steps = TrackingSteps.Of(request),
            Letters = letters,
            ReleasedFiles = released,
            PublishedDocumentId = request.Outcome is not null ? request.PublishedDocumentId : null,
            Pass = passes.Issue(request.Id),
        };
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
