using Gongkai.Platform;
using Gongkai.Platform.Calendar;

namespace Gongkai.Policy.Consultations;

public enum PeriodUnit
{
    /// <summary>工作日</summary>
    WorkingDays = 1,
    /// <summary>自然日</summary>
    CalendarDays = 2,
}

/// <summary>Settings under <c>Policy:Consultations</c>.</summary>
public sealed class ConsultationOptions
{
    /// <summary>Shortest comment period (大兴: 5 working days; 西城: one week).</summary>
    public int MinimumLength { get; set; } = 5;
    public PeriodUnit MinimumUnit { get; set; } = PeriodUnit.WorkingDays;
    /// <summary>The feedback report is due this many working days after the period closes.</summary>
    public int FeedbackWorkingDays { get; set; } = 15;
    public int MaxCommentLength { get; set; } = 2000;
    /// <summary>Online comments waiting to be stored at most; past it a new one is answered 503 with Retry-After.</summary>
    public int IntakeQueueLength { get; set; } = 5000;
}

/// <summary>
/// The rules of a comment period. The length is counted in whole district days after the opening day (the opening
/// day itself is not counted, 民法典 Art. 201, as for every other period on the platform): a 5-working-day minimum means
/// the closing day must be on or after the 5th working day after the opening day. Working days come from the loaded
/// State Council schedules; a period past the last loaded year cannot be checked and is refused, never guessed.
/// </summary>
public static class ConsultationPeriod
{
    public static string Describe(ConsultationOptions options) =>
        $"{options.MinimumLength}个{(options.MinimumUnit == PeriodUnit.WorkingDays ? "工作日" : "自然日")}";

    /// <summary>The earliest closing day allowed for a period opening at <paramref name="opensAt"/>.</summary>
    public static DateOnly EarliestClosingDay(DateTimeOffset opensAt, ConsultationOptions options, WorkingDayCalendar calendar)
    {
        var openDay = ChineseDates.LocalDay(opensAt);
        if (options.MinimumUnit == PeriodUnit.CalendarDays)
        {
            return openDay.AddDays(options.MinimumLength);
        }

        try
        {
            return calendar.AddWorkingDays(openDay, options.MinimumLength);
        }
        catch (CalendarRangeException)
        {
            throw new ValidationFailure($"征集期间超出已载入的节假日安排（至{ChineseDates.Long(calendar.LastDate)}），无法核对是否满{Describe(options)}，请先载入下一年度节假日安排。", "ClosesAt");
        }
    }

    /// <summary>Refuses a period that is reversed or shorter than the minimum, with the earliest lawful closing day.</summary>
    public static void Check(DateTimeOffset opensAt, DateTimeOffset closesAt, ConsultationOptions options, WorkingDayCalendar calendar)
    {
        if (closesAt <= opensAt)
        {
            throw new ValidationFailure("截止时间必须晚于开始时间。", "ClosesAt");
        }

        var earliest = EarliestClosingDay(opensAt, options, calendar);
        if (ChineseDates.LocalDay(closesAt) < earliest)
        {
            throw new ValidationFailure(
                $"征集期不得少于{Describe(options)}：{ChineseDates.Local(opensAt)}开始的，截止日期最早为{ChineseDates.Long(earliest)}。", "ClosesAt");
        }
    }

    /// <summary>The day the feedback report is due; null while the calendar does not reach it (shown as pending).</summary>
    public static DateOnly? FeedbackDue(DateTimeOffset closesAt, ConsultationOptions options, WorkingDayCalendar calendar) =>
        calendar.TryAddWorkingDays(ChineseDates.LocalDay(closesAt), options.FeedbackWorkingDays);
}
