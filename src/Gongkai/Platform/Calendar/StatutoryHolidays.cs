using System.Globalization;

namespace Gongkai.Platform.Calendar;

/// <summary>
/// The statutory holidays of 《全国年节及纪念日放假办法》 Art. 2 for one year, as in force that year, without the make-up
/// working days, the bridging days and the 补休 of a holiday on a weekend that the State Council's yearly notice adds:
/// 元旦 1 Jan; 春节 (lunar: 除夕 and 初一–初二 until 2013, 初一–初三 2014–2024, 除夕 and 初一–初三 from 2025); 清明节 (the
/// solar term); 劳动节 1 May (and 2 May from 2025); 端午节 (五月初五); 中秋节 (八月十五); 国庆节 1–3 Oct. A pure function:
/// the days a provisional calendar keeps off beyond the loaded schedules (<see cref="WorkingDayCalendar.WithProvisionalYears"/>).
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The years this can compute: the 2007 revision in force from 2008, and the 清明 formula's century.</summary>
    public const int FirstYear = 2008;
    public const int LastYear = 2099;

    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static IReadOnlyList<SpecialDay> For(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new CalendarRangeException($"无法推算{year}年的法定节假日（只能推算{FirstYear}—{LastYear}年）。");
        }

        var days = new List<SpecialDay>();
        void Off(DateOnly date, string name) => days.Add(new SpecialDay(date, true, name, CalendarSource.Provisional));

        Off(new DateOnly(year, 1, 1), "元旦");
        var springFestival = LunarDay(year, 1, 1);
        if (year <= 2013 || year >= 2025)
        {
            Off(springFestival.AddDays(-1), "春节");
        }

        for (var i = 0; i < (year <= 2013 ? 2 : 3); i++)
        {
            Off(springFestival.AddDays(i), "春节");
        }

        Off(Qingming(year), "清明节");
        Off(new DateOnly(year, 5, 1), "劳动节");
        if (year >= 2025)
        {
            Off(new DateOnly(year, 5, 2), "劳动节");
        }

        Off(LunarDay(year, 5, 5), "端午节");
        Off(LunarDay(year, 8, 15), "中秋节");
        for (var d = 1; d <= 3; d++)
        {
            Off(new DateOnly(year, 10, d), "国庆节");
        }

        return days;
    }

    /// <summary>A day of the lunar year whose 正月初一 falls in <paramref name="year"/>; a leap month before it shifts the month's index.</summary>
    public static DateOnly LunarDay(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>清明 (the sun at 15° ecliptic longitude) in the 21st century: 4 April + ⌊Y×0.2422 + 4.81⌋ − ⌊Y/4⌋ − 4, Y the year's last two digits.</summary>
    public static DateOnly Qingming(int year)
    {
        var y = year % 100;
        return new DateOnly(year, 4, (int)Math.Floor(y * 0.2422 + 4.81) - y / 4);
    }
}
