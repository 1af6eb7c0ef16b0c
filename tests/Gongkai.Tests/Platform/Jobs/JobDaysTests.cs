using Gongkai.Platform;
using Gongkai.Platform.Jobs;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform.Jobs;

/// <summary>The district day of an instant and the days a job owes after downtime.</summary>
public sealed class JobDaysTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-12-31T15:59:00Z", "2026-12-31")] // 23:59 Beijing
    [InlineData("2026-12-31T16:01:00Z", "2027-01-01")] // 00:01 Beijing: already the new year's first day
    [InlineData("2027-01-01T00:00:00Z", "2027-01-01")]
    public void The_district_day_turns_at_Beijing_midnight(string utc, string day)
    {
        var clock = new FakeClock { Now = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(D(day), ChineseDates.Today(clock));
    }

    [Fact]
    public void A_job_done_today_owes_nothing()
    {
        Assert.Empty(JobDays.Owed(JobCatchUp.EachMissedDay, D("2027-01-05"), D("2027-01-05"), 31));
        Assert.Empty(JobDays.Owed(JobCatchUp.TodayOnly, D("2027-01-05"), D("2027-01-05"), 31));
    }

    [Fact]
    public void A_job_never_run_owes_only_today()
    {
        Assert.Equal([D("2027-01-05")], JobDays.Owed(JobCatchUp.EachMissedDay, D("2027-01-05"), null, 31));
    }

    [Fact]
    public void After_downtime_a_catching_up_job_owes_each_missed_day_oldest_first_and_a_today_only_job_only_today()
    {
        Assert.Equal(
            [D("2026-12-30"), D("2026-12-31"), D("2027-01-01"), D("2027-01-02")],
            JobDays.Owed(JobCatchUp.EachMissedDay, D("2027-01-02"), D("2026-12-29"), 31));
        Assert.Equal([D("2027-01-02")], JobDays.Owed(JobCatchUp.TodayOnly, D("2027-01-02"), D("2026-12-29"), 31));
    }

    [Fact]
    public void Catch_up_goes_back_at_most_the_configured_days()
    {
        var owed = JobDays.Owed(JobCatchUp.EachMissedDay, D("2027-03-01"), D("2026-01-01"), 3);
        Assert.Equal([D("2027-02-26"), D("2027-02-27"), D("2027-02-28"), D("2027-03-01")], owed);
    }
}
