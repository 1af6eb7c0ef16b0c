using Gongkai.Platform.Calendar;

namespace Gongkai.Requests.Clock;

/// <summary>
/// What a request's clock is computed on when its state changes: the working-day calendar, the district's today and the
/// instant stored as the request's last change. <see cref="Explain"/> off skips the explaining sentences (the sweep).
/// </summary>
public sealed record ClockNow(WorkingDayCalendar Calendar, DateOnly Today, DateTimeOffset Now, bool Explain = true);
