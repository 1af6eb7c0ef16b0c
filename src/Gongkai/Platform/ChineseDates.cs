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

    /// <summary>Parses yyyy-MM-dd strictly; anything else is a clerk's typo to report.</summary>
    public static bool TryParseIso(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
