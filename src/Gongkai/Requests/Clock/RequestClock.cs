using Gongkai.Platform;
using Gongkai.Platform.Calendar;

namespace Gongkai.Requests.Clock;

/// <summary>Computes a stored request's clock on today's calendar and keeps its stored due date and stage in step.</summary>
public sealed class RequestClock(CalendarStore calendars, TimeProvider clock)
{
    public async Task<ClockState> StateAsync(DisclosureRequest request, CancellationToken ct = default) =>
        ReplyDeadline.Compute(await calendars.GetAsync(ct), request.Receipt(), request.ClockEntries(), ChineseDates.Today(clock));

    /// <summary>After a handling step: recompute the clock and copy the due date and stage onto the request.</summary>
    public async Task<ClockState> RefreshAsync(DisclosureRequest request, CancellationToken ct = default)
    {
        var state = await StateAsync(request, ct);
        Apply(request, state, ChineseDates.Today(clock));
        request.UpdatedAt = clock.GetUtcNow();
        return state;
    }

    /// <summary>
    /// The due date as one phrase for audit summaries, the case page and the tracking page: the date, 无 after a lapse
    /// (no reply is owed), the pending reason, or 待定 (waiting for the correction).
    /// </summary>
    public static string DueText(ClockState state) =>
        state.DueOn is { } due ? ChineseDates.Long(due) + (state.DueProvisional ? "（暂定）" : "")
        : state.LapsedAs is { } lapse ? $"无（{lapse.Label()}，不再答复）"
        : state.DuePendingReason ?? "待定";

    /// <summary>
    /// Copies the computed due date, its pending flag, timeliness and stage onto the request (for lists, queues and the
    /// sweep); the events stay the truth.
    /// </summary>
    public static void Apply(DisclosureRequest request, ClockState state, DateOnly today)
    {
        request.DueOn = state.DueOn;
        request.DuePending = state.DuePending;
        request.Timeliness = state.DueOn is null ? null : state.Timeliness;
        request.CheckedOn = today;
        request.Stage = RequestStages.Derive(request, state.Phase);
    }
}
