using Gongkai.Requests.Clock;

namespace Gongkai.Requests;

/// <summary>
/// A request's stored state taken as given, without the events that would have led to it: only for rows that tests and
/// benchmarks write straight to the table (the assembly lets them see it). The application changes a request only through
/// its methods (docs/ARCHITECTURE.md §State lives in the aggregate).
/// </summary>
internal sealed record StoredRequestState
{
    public RequestStage Stage { get; init; } = RequestStage.Received;
    public DateOnly? DueOn { get; init; }
    public bool DuePending { get; init; }
    public Timeliness? Timeliness { get; init; }
    public DateOnly? CheckedOn { get; init; }
    public DateOnly? RegisteredOn { get; init; }
    public string? AssignedToId { get; init; }
    public RequestOutcome? Outcome { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
