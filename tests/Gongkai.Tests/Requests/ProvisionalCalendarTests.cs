using Gongkai.Platform.Calendar;
using static Gongkai.Tests.Requests.ClockTestData;

namespace Gongkai.Tests.Requests;

/// <summary>
/// The provisional calendar (weekends and the statutory holidays of 《全国年节及纪念日放假办法》 only) against the real
/// State Council schedules of 2016–2026: every statutory day it keeps off is off in the real schedule; the real schedule
/// differs from it only by the make-up working days and the bridging days of its holiday blocks; and a provisional due
/// date lies within a week of the real one. It is NOT one-sided: a make-up Saturday makes the real date up to a week
/// earlier, a bridging day up to eight days later (see <see cref="Provisional_and_real_due_dates_differ_by_at_most_eight_days"/>).
/// </summary>
public sealed class ProvisionalCalendarTests
{
    public static TheoryData<int> Years => new(Enumerable.Range(2016, 11));

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_statutory_holiday_is_off_in_the_real_schedule(int year)
    {
        var days = StatutoryHolidays.For(year);
        Assert.Equal(year >= 2025 ? 13 : 11, days.Count);
        Assert.All(days, d => Assert.True(d.Date.Year == year && !Shipped.IsWorkingDay(d.Date) && d.IsOffDay, $"{d.Name} {d.Date} is worked in {year}"));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void The_real_schedule_differs_only_by_make_up_and_bridging_days(int year)
    {
        var statutory = StatutoryHolidays.For(year).Select(d => d.Date).ToHashSet();
        var real = Shipped.SpecialDays;
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            var weekend = d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var provisionalWorking = !weekend && !statutory.Contains(d);
            if (provisionalWorking != Shipped.IsWorkingDay(d))
            {
                // A weekend day worked (调休上班) or a weekday off inside a named holiday block (调休/补休): nothing else.
                Assert.True(real.TryGetValue(d, out var special), $"{d}: differs without a scheduled day");
                Assert.Equal(!provisionalWorking, !special.IsOffDay);
            }
        }
    }

    [Theory]
    [InlineData(2025, "2025-01-28", "春节")] // 除夕, statutory from 2025
    [InlineData(2025, "2025-05-02", "劳动节")]
    [InlineData(2026, "2026-02-16", "春节")]
    [InlineData(2026, "2026-02-19", "春节")]
    [InlineData(2026, "2026-04-05", "清明节")]
    [InlineData(2026, "2026-06-19", "端午节")]
    [InlineData(2026, "2026-09-25", "中秋节")]
    [InlineData(2027, "2027-02-05", "春节")] // 2027 除夕
    [InlineData(2027, "2027-02-08", "春节")] // 初三
    [InlineData(2027, "2027-04-05", "清明节")]
    [InlineData(2027, "2027-06-09", "端午节")]
    [InlineData(2027, "2027-09-15", "中秋节")]
    [InlineData(2023, "2023-06-22", "端午节")] // a leap 二月 in 2023 shifts the month index
    [InlineData(2020, "2020-10-01", "中秋节")] // a leap 四月 in 2020; 中秋 and 国庆 the same day
    [InlineData(2012, "2012-01-22", "春节")] // 除夕 under the 2007 revision
    public void Statutory_holidays_include(int year, string date, string name) =>
        Assert.Contains(StatutoryHolidays.For(year), d => d.Date == D(date) && d.Name == name);

    [Theory]
    [InlineData(2024, "2024-02-09")] // 除夕 was not statutory before 2025
    [InlineData(2024, "2024-05-02")]
    [InlineData(2026, "2026-10-04")] // 国庆 is three statutory days; the rest of the week is 调休
    [InlineData(2026, "2026-02-20")]
    public void Statutory_holidays_exclude(int year, string date) =>
        Assert.DoesNotContain(StatutoryHolidays.For(year), d => d.Date == D(date));

    [Fact]
    public void Years_outside_the_rules_are_refused()
    {
        Assert.Throws<CalendarRangeException>(() => StatutoryHolidays.For(2007));
        Assert.Throws<CalendarRangeException>(() => StatutoryHolidays.For(2100));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Provisional_and_real_due_dates_differ_by_at_most_eight_days(int year)
    {
        if (year == 2016)
        {
            return; // the loaded schedules begin with 2016: there is no earlier year to stand on
        }

        // As if only the years before were published: the year is provisional.
        var known = WorkingDayCalendar.Create(Enumerable.Range(2016, year - 2016),
            ShippedSchedules.All.SelectMany(s => s.Days).Where(d => d.Date.Year < year)
                .Select(d => new SpecialDay(d.Date, d.IsOffDay, d.Name, CalendarSource.StateCouncil))).WithProvisionalYears();
        Assert.Equal(new DateOnly(year, 1, 1), known.ProvisionalFrom);
        foreach (var n in new[] { 7, 15, 20, 40 })
        {
            for (var d = new DateOnly(year - 1, 12, 1); d < new DateOnly(year, 11, 1); d = d.AddDays(1))
            {
                var provisional = known.AddWorkingDays(d, n);
                var real = Shipped.AddWorkingDays(d, n);
                Assert.InRange(real.DayNumber - provisional.DayNumber, -8, 8);
                if (real < new DateOnly(year, 1, 1))
                {
                    Assert.Equal(real, provisional); // inside the published year nothing is provisional
                }
            }
        }
    }

    [Fact]
    public void The_provisional_calendar_keeps_the_published_days_and_a_local_day_of_the_next_year()
    {
        var local = new SpecialDay(D("2027-03-15"), true, "区政府安排", CalendarSource.Local);
        var calendar = WorkingDayCalendar.Create(ShippedSchedules.All.Select(s => s.Year),
            ShippedSchedules.All.SelectMany(s => s.Days).Select(d => new SpecialDay(d.Date, d.IsOffDay, d.Name, CalendarSource.StateCouncil)).Append(local));
        var extended = calendar.WithProvisionalYears();
        Assert.Same(extended, calendar.WithProvisionalYears());
        Assert.Equal(D("2028-12-31"), extended.LastDate);
        Assert.False(extended.IsWorkingDay(D("2027-03-15")));
        Assert.False(extended.IsWorkingDay(D("2027-10-01")));
        Assert.True(extended.IsWorkingDay(D("2027-10-04")));
        Assert.Equal(calendar.AddWorkingDays(D("2026-02-10"), 20), extended.AddWorkingDays(D("2026-02-10"), 20));
        Assert.Null(calendar.ProvisionalFrom);
    }
}
