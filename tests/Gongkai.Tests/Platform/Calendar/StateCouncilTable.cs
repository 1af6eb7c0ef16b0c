namespace Gongkai.Tests.Platform.Calendar;

/// <summary>
/// The holiday table of china-rules.md §5, typed in independently of the shipped JSON so the test
/// compares two sources: every 放假 day and every 调休上班 day of 2016–2026, and the working days per year.
/// </summary>
public static class StateCouncilTable
{
    public sealed record Year(int Number, string[] Off, string[] Work, int WorkingDays);

    public static readonly Year[] Years =
    [
        new(2016, ["01-01", "02-07~02-13", "04-04", "05-01~05-02", "06-09~06-11", "09-15~09-17", "10-01~10-07"],
            ["02-06", "02-14", "06-12", "09-18", "10-08", "10-09"], 250),
        new(2017, ["01-01~01-02", "01-27~02-02", "04-02~04-04", "05-01", "05-28~05-30", "10-01~10-08"],
            ["01-22", "02-04", "04-01", "05-27", "09-30"], 249),
        new(2018, ["01-01", "02-15~02-21", "04-05~04-07", "04-29~05-01", "06-18", "09-24", "10-01~10-07", "12-30~12-31"],
            ["02-11", "02-24", "04-08", "04-28", "09-29", "09-30", "12-29"], 250),
        new(2019, ["01-01", "02-04~02-10", "04-05", "05-01~05-04", "06-07", "09-13", "10-01~10-07"],
            ["02-02", "02-03", "04-28", "05-05", "09-29", "10-12"], 250),
        new(2020, ["01-01", "01-24~02-02", "04-04~04-06", "05-01~05-05", "06-25~06-27", "10-01~10-08"],
            ["01-19", "04-26", "05-09", "06-28", "09-27", "10-10"], 249),
        new(2021, ["01-01~01-03", "02-11~02-17", "04-03~04-05", "05-01~05-05", "06-12~06-14", "09-19~09-21", "10-01~10-07"],
            ["02-07", "02-20", "04-25", "05-08", "09-18", "09-26", "10-09"], 250),
        new(2022, ["01-01~01-03", "01-31~02-06", "04-03~04-05", "04-30~05-04", "06-03~06-05", "09-10~09-12", "10-01~10-07", "12-31"],
            ["01-29", "01-30", "04-02", "04-24", "05-07", "10-08", "10-09"], 249),
        new(2023, ["01-01~01-02", "01-21~01-27", "04-05", "04-29~05-03", "06-22~06-24", "09-29~10-06"],
            ["01-28", "01-29", "04-23", "05-06", "06-25", "10-07", "10-08"], 249),
        new(2024, ["01-01", "02-10~02-17", "04-04~04-06", "05-01~05-05", "06-10", "09-15~09-17", "10-01~10-07"],
            ["02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12"], 251),
        new(2025, ["01-01", "01-28~02-04", "04-04~04-06", "05-01~05-05", "05-31~06-02", "10-01~10-08"],
            ["01-26", "02-08", "04-27", "09-28", "10-11"], 248),
        new(2026, ["01-01~01-03", "02-15~02-23", "04-04~04-06", "05-01~05-05", "06-19~06-21", "09-25~09-27", "10-01~10-07"],
            ["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"], 248),
    ];

    public static IEnumerable<DateOnly> OffDays(Year y) => y.Off.SelectMany(r => Expand(y.Number, r));

    public static IEnumerable<DateOnly> WorkDays(Year y) => y.Work.Select(d => Parse(y.Number, d));

    /// <summary>The rule of §5: (Mon–Fri and not OFF) or WORK.</summary>
    public static bool IsWorkingDay(Year y, DateOnly date)
    {
        if (WorkDays(y).Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !OffDays(y).Contains(date);
    }

    private static IEnumerable<DateOnly> Expand(int year, string range)
    {
        var parts = range.Split('~');
        var from = Parse(year, parts[0]);
        var to = parts.Length == 2 ? Parse(year, parts[1]) : from;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    private static DateOnly Parse(int year, string monthDay) =>
        new(year, int.Parse(monthDay[..2]), int.Parse(monthDay[3..]));
}
