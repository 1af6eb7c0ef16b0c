using Gongkai.Platform;
using Gongkai.Platform.Calendar;

namespace Gongkai.Requests.Clock;

/// <summary>Computes a stored request's clock on today's calendar and keeps its stored due date and stage in step.</summary>
public sealed class RequestClock(CalendarStore calendars, TimeProvider clock)
{
    public async Task<ClockState> StateAsync(DisclosureRequest request, CancellationToken ct = default) =>
        ReplyDeadline.Compute(await calendars.GetAsync(ct), request.Receipt(), request.ClockEntries(), ChineseDates.Today(clock));

    /// <summary>Copies the computed due date and stage onto the request (for lists and sweeps); the events stay the truth.</summary>
    public static void Apply(DisclosureRequest request, ClockState state)
    {
        request.DueOn = state.DueOn;
        request.Stage = state.Phase switch
        {
            ClockPhase.AwaitingCorrection => RequestStage.AwaitingCorrection,
            ClockPhase.Consultation => RequestStage.Consultation,
            ClockPhase.AwaitingFee => RequestStage.AwaitingFee,
            ClockPhase.Closed => RequestStage.Closed,
            ClockPhase.Lapsed => request.Stage,
            _ => request.Events.Count == 0 ? RequestStage.Received : RequestStage.InHandling,
        };
    }
}
