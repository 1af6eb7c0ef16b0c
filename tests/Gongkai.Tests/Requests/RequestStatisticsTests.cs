using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Platform;
using Gongkai.Platform.Staff;
using Gongkai.Reports.Statistics;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using Gongkai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Requests;

/// <summary>
/// The request statistics query and the staff statistics page, from generated records of known composition: every
/// channel × applicant type, every outcome row, carry-over in and out, late closings, working days, overdue now;
/// another organ's records never counted or shown.
/// </summary>
public abstract partial class RequestStatisticsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private static readonly StatisticsPeriod Year2025 = StatisticsPeriod.Year(2025);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<GongkaiApp, (Guid Organ, List<PlannedRequest> Plan)> Arranged = [];

    private async Task<(Guid Organ, List<PlannedRequest> Plan)> ArrangeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (!Arranged.TryGetValue(app, out var arranged))
            {
                var organ = (await app.OrganAsync("区民政局")).Id;
                var plan = ReportTestData.Plan("TJ-MZ");
                await ReportTestData.InsertAsync(app, organ, plan);
                // Another organ's requests, which must never appear in 区民政局's figures.
                await ReportTestData.InsertAsync(app, (await app.OrganAsync("区财政局")).Id, ReportTestData.Plan("TJ-CZ").Take(40));
                arranged = (organ, plan);
                Arranged[app] = arranged;
            }

            return arranged;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static bool Received(PlannedRequest p) => p.ReceivedOn.Year == 2025;
    private static bool CarriedIn(PlannedRequest p) => p.ReceivedOn.Year < 2025 && (p.ClosedOn is null || p.ClosedOn.Value.Year >= 2025);
    private static bool Closed(PlannedRequest p) => p.ClosedOn is { Year: 2025 };
    private static bool CarriedOut(PlannedRequest p) => p.ReceivedOn.Year <= 2025 && (p.ClosedOn is null || p.ClosedOn.Value.Year > 2025);

    [Fact]
    public async Task Every_channel_type_outcome_and_carry_over_is_counted_as_generated()
    {
        var (organ, plan) = await ArrangeAsync();
        using var scope = app.Services.CreateScope();
        var figures = await scope.ServiceProvider.GetRequiredService<RequestStatistics>().ComputeAsync([organ], Year2025);

        // Hand-counted from the plan's formula: Σ over 6 channels × 6 types of ((c + 2t) mod 4) + 1 = 90; carried in 21 closed + 3 open.
        Assert.Equal(90, figures.Received());
        Assert.Equal(24, figures.CarriedIn());
        foreach (var channel in Enum.GetValues<RequestChannel>())
        {
            foreach (var type in ApplicantTypes.All)
            {
                Assert.Equal(plan.Count(p => Received(p) && p.Channel == channel && p.Type == type), figures.Received(channel, type));
            }
        }

        foreach (var type in ApplicantTypes.All)
        {
            Assert.Equal(plan.Count(p => CarriedIn(p) && p.Type == type), figures.CarriedIn(type));
            Assert.Equal(plan.Count(p => CarriedOut(p) && p.Type == type), figures.CarriedOut(type));
            foreach (var outcome in Enum.GetValues<RequestOutcome>())
            {
                Assert.Equal(plan.Count(p => Closed(p) && p.Outcome == outcome && p.Type == type), figures.Closed(outcome, type));
            }

            // R1 per applicant column.
            Assert.Equal(figures.Received(type: type) + figures.CarriedIn(type), figures.Closed(type: type) + figures.CarriedOut(type));
        }

        Assert.All(Enum.GetValues<RequestOutcome>(), o => Assert.True(figures.Closed(o) > 0, $"{o} row is not exercised"));
        var closed = plan.Where(Closed).ToList();
        Assert.Equal(closed.Count, figures.Closed());
        Assert.Equal(closed.Count(p => p.Timeliness == Timeliness.Overdue), figures.ClosedLate);
        Assert.True(figures.ClosedLate > 0);
        Assert.Equal((double)(closed.Count(p => p.ReceivedOn == ReportTestData.Short.Received) * 5 + closed.Count(p => p.ReceivedOn == ReportTestData.AcrossNewYear.Received) * 14) / closed.Count,
            figures.AverageWorkingDays!.Value, 6);
        Assert.Equal(plan.Count(p => p.ClosedOn is null && p.Timeliness == Timeliness.Overdue), figures.OverdueNow);
        Assert.Equal((double)(closed.Count - figures.ClosedLate) / closed.Count, figures.OnTimeRate!.Value, 6);
    }

    [Fact]
    public async Task A_shorter_period_counts_only_its_own_days()
    {
        var (organ, plan) = await ArrangeAsync();
        using var scope = app.Services.CreateScope();
        var period = new StatisticsPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31));
        var figures = await scope.ServiceProvider.GetRequiredService<RequestStatistics>().ComputeAsync([organ], period);
        Assert.Equal(plan.Count(p => p.ReceivedOn >= period.From && p.ReceivedOn <= period.To), figures.Received());
        Assert.Equal(plan.Count(p => p.ClosedOn >= period.From && p.ClosedOn <= period.To), figures.Closed());
        Assert.Equal(plan.Count(p => p.ReceivedOn <= period.To && !(p.ClosedOn <= period.To)), figures.CarriedOut());
        Assert.Equal(figures.Received() + figures.CarriedIn(), figures.Closed() + figures.CarriedOut());
    }

    [Fact]
    public async Task A_period_without_calendar_data_is_refused_with_a_clear_message()
    {
        var (organ, _) = await ArrangeAsync();
        using var scope = app.Services.CreateScope();
        var e = await Assert.ThrowsAsync<ValidationFailure>(() =>
            scope.ServiceProvider.GetRequiredService<RequestStatistics>().ComputeAsync([organ], StatisticsPeriod.Year(2031)));
        Assert.Contains("超出已载入的节假日安排", e.Message);
    }

    private static int Cell(string html, string attributes)
    {
        var m = Regex.Match(html, Regex.Escape(attributes) + @"><a href=""[^""]*"">(\d+)</a>");
        Assert.True(m.Success, $"cell {attributes} not found");
        return int.Parse(m.Groups[1].Value);
    }

    [Fact]
    public async Task The_statistics_page_shows_the_figures_and_each_figure_lists_its_records()
    {
        var (organ, plan) = await ArrangeAsync();
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var html = (await admin.GetStringAsync($"/admin/requests/statistics?organ={organ}&from=2025-01-01&to=2025-12-31")).Text();
        foreach (var channel in Enum.GetValues<RequestChannel>())
        {
            foreach (var type in ApplicantTypes.All)
            {
                Assert.Equal(plan.Count(p => Received(p) && p.Channel == channel && p.Type == type), Cell(html, $"data-channel=\"{channel}\" data-type=\"{type}\""));
            }
        }

        foreach (var outcome in Enum.GetValues<RequestOutcome>())
        {
            Assert.Equal(plan.Count(p => Closed(p) && p.Outcome == outcome), Cell(html, $"data-outcome=\"{outcome}\""));
        }

        Assert.Equal(plan.Count(CarriedOut), Cell(html, "data-set=\"CarriedOut\""));
        Assert.Equal(plan.Count(p => p.ClosedOn is null && p.Timeliness == Timeliness.Overdue), int.Parse(Regex.Match(html, @"id=""overdue-now"" href=""[^""]*"">(\d+)<").Groups[1].Value));
        Assert.Matches(@"id=""average-working-days"">\d+\.\d<", html);

        // “Why is this number?”: the link of one cell lists exactly its requests.
        var busiest = plan.Where(Closed).GroupBy(p => (p.Outcome, p.Type)).OrderByDescending(g => g.Count()).First();
        var link = Regex.Match(html, $@"data-outcome=""{busiest.Key.Outcome}"" data-type=""{busiest.Key.Type}""><a href=""([^""]*)""").Groups[1].Value;
        var records = (await admin.GetStringAsync(WebUtility.HtmlDecode(link))).Text();
        var expected = busiest.Select(p => p.Number).ToList();
        Assert.True(expected.Count >= 2);
        Assert.Contains($"共{expected.Count}件", records);
        Assert.All(expected, n => Assert.Contains(n, records));
        Assert.DoesNotContain("TJ-CZ", records);
    }

    [Fact]
    public async Task Staff_see_only_their_organs_and_another_organ_answers_404()
    {
        var (organ, _) = await ArrangeAsync();
        var other = (await app.OrganAsync("区财政局")).Id;
        const string Name = "tj-cz-handler";
        await app.StaffAsync(Name, "Statistics-pass-1", (StaffRole.RequestHandler, other));
        var handler = app.Browser();
        await handler.SignInOkAsync(Name, "Statistics-pass-1");
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/admin/requests/statistics?organ={organ}&from=2025-01-01&to=2025-12-31")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/admin/requests/statistics/records?organ={organ}&from=2025-01-01&to=2025-12-31&set=Received")).StatusCode);
        var own = (await handler.GetStringAsync("/admin/requests/statistics?from=2025-01-01&to=2025-12-31")).Text();
        var czReceived = ReportTestData.Plan("TJ-CZ").Take(40).Count(Received);
        Assert.Matches($@"id=""received-total"" href=""[^""]*"">{czReceived}<", own);
        var records = (await handler.GetStringAsync("/admin/requests/statistics/records?from=2025-01-01&to=2025-12-31&set=Received")).Text();
        Assert.DoesNotContain("TJ-MZ", records);
        Assert.Contains("TJ-CZ", records);

        var bad = (await handler.GetStringAsync("/admin/requests/statistics?from=2031-01-01&to=2031-12-31")).Text();
        Assert.Contains("超出已载入的节假日安排", bad);
    }
}

public sealed class RequestStatisticsTests_Sqlite(SqliteApp app) : RequestStatisticsTests<SqliteApp>(app);

public sealed class RequestStatisticsTests_Postgres(PostgresApp app) : RequestStatisticsTests<PostgresApp>(app);
