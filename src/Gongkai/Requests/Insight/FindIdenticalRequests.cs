using Gongkai.Platform;
using Gongkai.Platform.Staff;
using Gongkai.Requests.Handling;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Insight;

/// <summary>
/// Art. 44 suggestions for the office: requests received in a period that several applicants made for the same
/// information, within the viewer's organ scope. At most <see cref="MaxRequests"/> of the period's most recent requests
/// are compared (a period that holds more says so), which bounds the work on a large organ.
/// </summary>
public sealed class FindIdenticalRequests(RequestCases cases, TimeProvider clock)
{
    public const int MaxRequests = 20_000;

    /// <summary>How far back the suggestions look by default, and around a case on its page.</summary>
    public const int DefaultDays = 365;

    public sealed record Result(DateOnly From, DateOnly To, IReadOnlyList<IdenticalGroup> Groups, int Compared, bool Capped);

    public async Task<Result> InPeriodAsync(OrganScope scope, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var end = to ?? ChineseDates.Today(clock);
        var start = from ?? end.AddDays(-DefaultDays);
        if (start > end)
        {
            throw new ValidationFailure("开始日期不能晚于结束日期。", "From");
        }

        var rows = await LoadAsync(cases.Visible(scope), start, end, ct);
        return new Result(start, end, IdenticalRequests.Group(rows), rows.Count, rows.Count == MaxRequests);
    }

    /// <summary>The group the request belongs to among its organ's requests of the year before and after it, or null.</summary>
    public async Task<IdenticalGroup?> ForRequestAsync(DisclosureRequest request, OrganScope scope, CancellationToken ct = default)
    {
        if (!scope.Covers(request.OrganId))
        {
            return null;
        }

        var organId = request.OrganId;
        var rows = await LoadAsync(cases.Visible(scope).Where(r => r.OrganId == organId), request.ReceivedOn.AddDays(-DefaultDays), request.ReceivedOn.AddDays(DefaultDays), ct);
        if (rows.All(r => r.Id != request.Id))
        {
            rows = [.. rows, Describe(request)];
        }

        return IdenticalRequests.Group(rows).FirstOrDefault(g => g.Requests.Any(r => r.Id == request.Id));
    }

    private static Task<List<RequestDescription>> LoadAsync(IQueryable<DisclosureRequest> query, DateOnly from, DateOnly to, CancellationToken ct) =>
        query.Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to)
            .OrderByDescending(r => r.ReceivedOn)
            .Take(MaxRequests)
            .Select(r => new RequestDescription(r.Id, r.TrackingNumber, r.OrganId, r.ApplicantType, r.ApplicantName, r.InformationWanted, r.ReceivedOn, r.Stage, r.Outcome))
            .ToListAsync(ct);

    private static RequestDescription Describe(DisclosureRequest r) =>
        new(r.Id, r.TrackingNumber, r.OrganId, r.ApplicantType, r.ApplicantName, r.InformationWanted, r.ReceivedOn, r.Stage, r.Outcome);
}
