using System.Globalization;

namespace Gongkai.Platform;

/// <summary>Dates the way Chinese government sites write them: 2026年3月16日, 星期一.</summary>
public static class ChineseDates
{
    private static readonly string[] WeekdayNames = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
    private static readonly TimeZoneInfo District = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static TimeZoneInfo TimeZone => District;

    public static string Long(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string Weekday(DateOnly date) => WeekdayNames[(int)date.DayOfWeek];

    public static string Range(DateOnly from, DateOnly to) =>
        from == to ? Long(from)
        : from.Year == to.Year ? $"{Long(from)}至{to.Month}月{to.Day}日"
        : $"{Long(from)}至{Long(to)}";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Local district time, 24-hour, as on gov.cn pages: 2026-11-23 14:05.</summary>
    public static string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, District).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The district's calendar day of an instant.</summary>
    public static DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, District).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), District).DateTime);

    /// <summary>Beijing time, UTC+8 (no summer time since 1991): the one offset for instants written or read in district time.</summary>
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    /// <summary>The instant (in UTC, as PostgreSQL's timestamptz takes it) of <paramref name="time"/> on <paramref name="day"/> in Beijing time.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time) => At(day.ToDateTime(time));

    /// <summary>The instant (in UTC) of a wall-clock time read in Beijing time.</summary>
    public static DateTimeOffset At(DateTime beijing) => new DateTimeOffset(DateTime.SpecifyKind(beijing, DateTimeKind.Unspecified), BeijingOffset).ToUniversalTime();

    /// <summary>The instant (in UTC) the district day begins: 00:00 Beijing time.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);

    /// <summary>An instant shown with the Beijing offset (+08:00), for formats that print the offset.</summary>
    public static DateTimeOffset InBeijing(DateTimeOffset at) => at.ToOffset(BeijingOffset);

    /// <summary>Parses yyyy-MM-dd strictly; anything else is a clerk's typo to report.</summary>
    public static bool TryParseIso(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
