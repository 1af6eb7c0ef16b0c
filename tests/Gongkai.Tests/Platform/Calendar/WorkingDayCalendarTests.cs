using Gongkai.Platform.Calendar;

namespace Gongkai.Tests.Platform.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Shipped = WorkingDayCalendar.Create(
        ShippedSchedules.All.Select(s => s.Year),
        ShippedSchedules.All.SelectMany(s => s.Days).Select(d => new SpecialDay(d.Date, d.IsOffDay, d.Name, CalendarSource.StateCouncil)));

    public static TheoryData<int> Years() => new(StateCouncilTable.Years.Select(y => y.Number));

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_date_of_the_year_agrees_with_the_State_Council_table(int year)
    {
        var table = StateCouncilTable.Years.Single(y => y.Number == year);
        var wrong = new List<string>();
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            if (Shipped.IsWorkingDay(d) != StateCouncilTable.IsWorkingDay(table, d))
            {
                wrong.Add($"{d:yyyy-MM-dd}: calendar says {(Shipped.IsWorkingDay(d) ? "working" : "off")}");
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_listed_off_day_is_a_holiday_and_every_make_up_day_is_worked(int year)
    {
        var table = StateCouncilTable.Years.Single(y => y.Number == year);
        foreach (var off in StateCouncilTable.OffDays(table))
        {
            var answer = Shipped.Explain(off);
            Assert.False(answer.WorkingDay, $"{off} should be off");
            if (off.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                Assert.Equal(DayKind.Holiday, answer.Kind);
                Assert.EndsWith("放假", answer.Reason);
            }
        }

        foreach (var work in StateCouncilTable.WorkDays(table))
        {
            var answer = Shipped.Explain(work);
            Assert.True(answer.WorkingDay, $"{work} should be a make-up working day");
            Assert.Equal(DayKind.MakeUpWorkday, answer.Kind);
            Assert.EndsWith("调休上班", answer.Reason);
        }
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Working_days_per_year_match_the_published_totals(int year)
    {
        var expected = StateCouncilTable.Years.Single(y => y.Number == year).WorkingDays;
        var counted = 0;
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            counted += Shipped.IsWorkingDay(d) ? 1 : 0;
        }

        Assert.Equal(expected, counted);
        if (year > 2016)
        {
            Assert.Equal(expected, Shipped.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)));
        }
    }

    [Theory]
    [InlineData("2024-09-27", 20, "2024-10-30")]
    [InlineData("2025-01-20", 20, "2025-02-21")]
    [InlineData("2026-02-10", 7, "2026-02-26")]
    [InlineData("2026-02-10", 20, "2026-03-16")]
    [InlineData("2026-02-10", 40, "2026-04-14")]
    [InlineData("2020-01-20", 20, "2020-02-25")]
    [InlineData("2026-02-14", 1, "2026-02-24")]
    [InlineData("2026-02-15", 1, "2026-02-24")]
    [InlineData("2026-02-13", 1, "2026-02-14")]
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-10-09", 1, "2026-10-10")]
    [InlineData("2018-12-28", 1, "2018-12-29")]
    [InlineData("2018-12-29", 1, "2019-01-02")]
    [InlineData("2016-01-01", 1, "2016-01-04")]
    [InlineData("2026-11-23", 0, "2026-11-23")]
    [InlineData("2026-11-20", 5, "2026-11-27")]
    public void Adds_working_days_after_the_start_day(string from, int days, string due)
    {
        Assert.Equal(DateOnly.Parse(due), Shipped.AddWorkingDays(DateOnly.Parse(from), days));
    }

    [Fact]
    public void The_explanation_names_the_holiday_the_make_up_days_and_the_rule()
    {
        var e = Shipped.ExplainAddition(new DateOnly(2026, 2, 10), 20);
        Assert.Equal(new DateOnly(2026, 3, 16), e.Due);
        Assert.Equal(new DateOnly(2026, 2, 11), e.FirstCountedDay);
        Assert.Equal(9, e.HolidaysSkipped.Count);
        Assert.Equal([new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 28)], e.MakeUpWorkdaysCounted.Select(d => d.Date));
        Assert.Contains(e.Steps, s => s.Contains("民法典") && s.Contains("当日不计入"));
        Assert.Contains(e.Steps, s => s.Contains("跳过春节假期2026年2月15日至2月23日，共9天"));
        Assert.Contains(e.Steps, s => s.Contains("2026年2月28日（星期六）为春节调休上班日"));
        Assert.Equal("第20个工作日为2026年3月16日（星期一），即期限届满日。", e.Steps[^1]);
    }

    [Fact]
    public void A_weekday_the_schedule_merely_confirms_as_worked_is_an_ordinary_working_day()
    {
        var answer = Shipped.Explain(new DateOnly(2020, 2, 3));
        Assert.True(answer.WorkingDay);
        Assert.Equal(DayKind.Weekday, answer.Kind);
        Assert.DoesNotContain(Shipped.ExplainAddition(new DateOnly(2020, 1, 20), 20).MakeUpWorkdaysCounted, d => d.Date == new DateOnly(2020, 2, 3));
    }

    [Theory]
    [InlineData("2026-12-20", 20)]
    [InlineData("2026-12-31", 1)]
    public void A_deadline_past_the_last_loaded_year_is_an_error_not_a_guess(string from, int days)
    {
        var e = Assert.Throws<CalendarRangeException>(() => Shipped.AddWorkingDays(DateOnly.Parse(from), days));
        Assert.Contains("超出已载入的节假日安排", e.Message);
        Assert.Contains("2016—2026年", e.Message);
    }

    [Theory]
    [InlineData("2026-12-02", 20, "2026-12-30")]
    [InlineData("2026-12-03", 20, "2026-12-31")]
    [InlineData("2026-12-04", 20, null)]
    [InlineData("2026-12-30", 1, "2026-12-31")]
    [InlineData("2026-12-31", 1, null)]
    [InlineData("2026-12-31", 0, "2026-12-31")]
    [InlineData("2027-01-04", 0, null)]
    [InlineData("2015-12-31", 1, null)]
    [InlineData("2026-02-10", 20, "2026-03-16")]
    public void Try_add_gives_the_date_or_null_past_the_loaded_years(string from, int days, string? expected)
    {
        var start = DateOnly.Parse(from);
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected), Shipped.TryAddWorkingDays(start, days));
        Assert.Equal(expected is null ? null : Shipped.AddWorkingDays(start, days), Shipped.TryAddWorkingDays(start, days));
    }

    [Fact]
    public void A_period_is_printed_as_its_last_day_or_as_the_period_while_that_day_is_not_loaded()
    {
        Assert.Equal("2026年12月31日", Shipped.PeriodText(new DateOnly(2026, 12, 3), 20));
        Assert.Equal("自2026年12月4日起20个工作日内（具体日期待2027年节假日安排发布后确定）", Shipped.PeriodText(new DateOnly(2026, 12, 4), 20));
    }

    [Theory]
    [InlineData("2015-12-31")]
    [InlineData("2027-01-04")]
    public void A_date_outside_the_loaded_years_cannot_be_classified(string date)
    {
        Assert.Throws<CalendarRangeException>(() => Shipped.IsWorkingDay(DateOnly.Parse(date)));
        Assert.Throws<CalendarRangeException>(() => Shipped.AddWorkingDays(DateOnly.Parse(date), 1));
    }

    [Fact]
    public void Negative_working_days_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipped.AddWorkingDays(new DateOnly(2026, 3, 2), -1));
    }

    [Fact]
    public void Loaded_years_must_be_unbroken()
    {
        var e = Assert.Throws<CalendarRangeException>(() => WorkingDayCalendar.Create([2025, 2027], []));
        Assert.Contains("2026", e.Message);
        Assert.Throws<CalendarRangeException>(() => WorkingDayCalendar.Create([], []));
    }

    [Fact]
    public void A_local_day_overrides_the_State_Council_schedule()
    {
        var days = ShippedSchedules.All.Single(s => s.Year == 2026).Days
            .Select(d => new SpecialDay(d.Date, d.IsOffDay, d.Name, CalendarSource.StateCouncil))
            .Append(new SpecialDay(new DateOnly(2026, 3, 2), true, "区庆", CalendarSource.Local))
            .Append(new SpecialDay(new DateOnly(2026, 2, 14), true, "本地调整", CalendarSource.Local));
        var calendar = WorkingDayCalendar.Create([2026], days);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 2)));
        Assert.Equal("区庆放假", calendar.Explain(new DateOnly(2026, 3, 2)).Reason);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 14)));
        Assert.Equal(new DateOnly(2026, 3, 3), calendar.AddWorkingDays(new DateOnly(2026, 2, 27), 2));
    }

    [Theory]
    [InlineData("2026-02-10", true)]
    [InlineData("2026-02-29", false)]
    [InlineData("2026-2-10", false)]
    [InlineData("20260210", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Dates_are_parsed_strictly(string? text, bool ok)
    {
        Assert.Equal(ok, Gongkai.Platform.ChineseDates.TryParseIso(text, out _));
    }

    [Fact]
    public void Chinese_date_forms()
    {
        Assert.Equal("2026年3月16日", Gongkai.Platform.ChineseDates.Long(new DateOnly(2026, 3, 16)));
        Assert.Equal("星期一", Gongkai.Platform.ChineseDates.Weekday(new DateOnly(2026, 3, 16)));
        Assert.Equal("2026年2月15日至2月23日", Gongkai.Platform.ChineseDates.Range(new DateOnly(2026, 2, 15), new DateOnly(2026, 2, 23)));
        Assert.Equal("2018年12月30日至2019年1月1日", Gongkai.Platform.ChineseDates.Range(new DateOnly(2018, 12, 30), new DateOnly(2019, 1, 1)));
    }
}
