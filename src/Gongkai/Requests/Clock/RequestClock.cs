using Gongkai.Platform;
using Gongkai.Platform.Calendar;

namespace Gongkai.Requests.Clock;

/// <summary>Computes a stored request's clock on today's calendar and gives the request what its state changes compute on.</summary>
public sealed class RequestClock(CalendarStore calendars, TimeProvider clock)
{
    public async Task<ClockState> StateAsync(DisclosureRequest request, CancellationToken ct = default) =>
        ReplyDeadline.Compute(await calendars.GetAsync(ct), request.Receipt(), request.ClockEntries(), ChineseDates.Today(clock));

    /// <summary>
    /// The clock as the public reads it (tracking page, status API): the same dates, explained without staff names or
    /// third parties' names (<see cref="PublicClockEntries"/>). Staff pages use <see cref="StateAsync"/>.
    /// </summary>
    public async Task<ClockState> PublicStateAsync(DisclosureRequest request, CancellationToken ct = default) =>
        ReplyDeadline.Compute(await calendars.GetAsync(ct), request.Receipt(), PublicClockEntries.Of(request.ClockEntries()), ChineseDates.Today(clock));

    /// <summary>Today's calendar, day and instant, for the request's state changes (<see cref="DisclosureRequest"/>).</summary>
    public async Task<ClockNow> NowAsync(CancellationToken ct = default) =>
        new(await calendars.GetAsync(ct), ChineseDates.Today(clock), clock.GetUtcNow());

    /// <summary>
    /// The due date as one phrase for audit summaries, the case page and the tracking page: the date, 无 after a lapse
    /// (no reply is owed), the pending reason, or 待定 (waiting for the correction).
    /// </summary>
    public static string DueText(ClockState state) =>
        state.DueOn is { } due ? ChineseDates.Long(due) + (state.DueProvisional ? "（暂定）" : "")
        : state.LapsedAs is { } lapse ? $"无（{lapse.Label()}，不再答复）"
        : state.DuePendingReason ?? "待定";
}
