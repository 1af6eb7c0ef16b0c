using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform;
using Gongkai.Platform.Staff;
using Gongkai.Requests;
using Gongkai.Requests.Clock;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.ClockTestData;

namespace Gongkai.Tests.Requests;

/// <summary>
/// Clock steps entered days after they happened, through the staff API and the case page on both databases: a timely
/// correction or payment is accepted and counts from its own day; a lapse cannot be closed inside its period.
/// </summary>
public abstract class LateClockEntryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    private readonly RequestTestKit kit = new(app);

    [Fact]
    public async Task A_correction_received_inside_its_period_and_entered_after_it_is_accepted()
    {
        var staff = await kit.StaffAsync();
        var handler = kit.Api(staff.Handler);
        app.Clock.SetDay("2026-11-16");
        var (id, _, _) = await kit.SubmitAsync("迟录补正申请人");
        app.Clock.SetDay("2026-11-20");
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/correction-notice", new { on = "2026-11-20", until = "2026-12-04" }));

        app.Clock.SetDay("2026-12-07");
        var corrected = await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/correction-received", new { on = "2026-12-03" }));
        Assert.Equal("Running", corrected.GetProperty("phase").GetString());
        Assert.Contains(corrected.GetProperty("explanation").EnumerateArray(), l => l.GetString()!.Contains("2026年12月3日收到补正"));
        Assert.Contains(corrected.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "CorrectionReceived" && e.GetProperty("on").GetString() == "2026-12-03");

        // A correction that came after the period is still refused, and changes nothing.
        var (late, _, _) = await kit.SubmitAsync("逾期补正申请人");
        app.Clock.SetDay("2026-12-08");
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{late}/correction-notice", new { on = "2026-12-08", until = "2026-12-15" }));
        app.Clock.SetDay("2026-12-18");
        await kit.RefusedAsync(late, () => handler.PostAsJsonAsync($"/api/v1/admin/requests/{late}/correction-received", new { on = "2026-12-16" }), "视为放弃申请");
    }

    [Fact]
    public async Task A_fee_paid_on_the_last_day_and_entered_later_gives_the_due_date_of_the_day()
    {
        var staff = await kit.StaffAsync();
        var handler = kit.Api(staff.Handler);
        app.Clock.SetDay("2026-04-01");
        var (id, _, filed) = await kit.SubmitAsync("迟录缴费申请人");
        app.Clock.SetDay("2026-04-10");
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/fee-notice", new { on = "2026-04-10" }));
        var payBy = Shipped.AddWorkingDays(D("2026-04-10"), ReplyDeadline.FeePaymentWorkingDays);

        app.Clock.SetDay(ChineseDates.Iso(payBy.AddDays(6)));
        var paid = await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/fee-paid", new { on = ChineseDates.Iso(payBy) }));
        var receipt = await app.WithDbAsync(db => db.DisclosureRequests.Where(r => r.Id == id).Select(r => r.SubmittedOn).SingleAsync());
        var onTheDay = ReplyDeadline.Compute(Shipped, Gongkai.Requests.Clock.ReceiptDate.Determine(Gongkai.Requests.Intake.RequestChannel.Online, receipt),
            [E(ClockEventKind.FeeNoticeIssued, "2026-04-10"), new ClockEntry(ClockEventKind.FeePaid, payBy)], payBy);
        Assert.Equal(ChineseDates.Iso(onTheDay.DueOn!.Value), paid.GetProperty("dueDate").GetString());
        Assert.Equal("InHandling", paid.GetProperty("stage").GetString());
        Assert.NotNull(filed.GetProperty("trackingNumber").GetString());
    }

    [Fact]
    public async Task A_lapse_dated_inside_the_correction_period_cannot_be_closed_on_the_case_page()
    {
        var staff = await kit.StaffAsync();
        var handler = kit.Api(staff.Handler);
        app.Clock.SetDay("2026-03-02");
        var (id, _, _) = await kit.SubmitAsync("提前办结申请人");
        app.Clock.SetDay("2026-03-05");
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/correction-notice", new { on = "2026-03-05", until = "2026-03-19" }));

        app.Clock.SetDay("2026-03-25");
        var browser = app.Browser();
        await browser.SignInOkAsync("mz-cbr", "Handling-pass-1");
        var url = $"/admin/requests/{id}";
        var events = await app.WithDbAsync(db => db.RequestClockEvents.CountAsync(e => e.RequestId == id));
        var refused = await browser.SubmitAsync(url, [new("Step.Kind", "Closed"), new("Step.On", "2026-03-18")], url + "?handler=Step");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = (await refused.Content.ReadAsStringAsync()).Text();
        Assert.Contains("尚在补正期限内", page);
        Assert.Contains("2026年3月20日起", page);
        Assert.Equal(events, await app.WithDbAsync(db => db.RequestClockEvents.CountAsync(e => e.RequestId == id)));
        Assert.Null(await app.WithDbAsync(db => db.DisclosureRequests.Where(r => r.Id == id).Select(r => r.Outcome).SingleAsync()));

        var closed = await browser.SubmitAsync(url, [new("Step.Kind", "Closed"), new("Step.On", "2026-03-20")], url + "?handler=Step");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var request = await app.WithDbAsync(db => db.DisclosureRequests.SingleAsync(r => r.Id == id));
        Assert.Equal(RequestOutcome.OtherNoCorrection, request.Outcome);
        Assert.Equal(D("2026-03-20"), request.ClosedOn);
    }

    [Theory]
    [InlineData("fee")]
    [InlineData("correction")]
    public async Task After_a_lapse_the_API_the_case_page_and_the_stored_row_agree_there_is_no_due_date(string lapse)
    {
        var staff = await kit.StaffAsync();
        var handler = kit.Api(staff.Handler);
        app.Clock.SetDay("2026-04-01");
        var (id, _, _) = await kit.SubmitAsync("放弃申请" + lapse);
        app.Clock.SetDay("2026-04-03");
        await RequestTestKit.OkAsync(lapse == "fee"
            ? await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/fee-notice", new { on = "2026-04-03" })
            : await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/correction-notice", new { on = "2026-04-03", until = "2026-04-17" }));
        app.Clock.SetDay("2026-06-01");
        var browser = app.Browser();
        await browser.SignInOkAsync("mz-cbr", "Handling-pass-1");
        await AgreeAsync("视为放弃申请", stored: false);
        var sweep = app.Services.GetRequiredService<Gongkai.Requests.Sweep.DailySweeper>();
        await sweep.RunAsync("daily", onlyPending: false, wait: true, CancellationToken.None);
        Assert.Equal(RequestStage.Closed, await app.WithDbAsync(db => db.DisclosureRequests.Where(r => r.Id == id).Select(r => r.Stage).SingleAsync()));
        await AgreeAsync("办结", stored: true);

        // The stored row is brought up to date by the handler's step or the sweep (here the sweep that closed it).
        async Task AgreeAsync(string phase, bool stored)
        {
            var found = await RequestTestKit.OkAsync(await handler.GetAsync($"/api/v1/admin/requests/{id}"));
            Assert.Equal(JsonValueKind.Null, found.GetProperty("dueDate").ValueKind);
            Assert.DoesNotContain(found.GetProperty("explanation").EnumerateArray(), l => l.GetString()!.Contains("届满日为"));
            if (stored)
            {
                Assert.Null(await app.WithDbAsync(db => db.DisclosureRequests.Where(r => r.Id == id).Select(r => r.DueOn).SingleAsync()));
            }

            var page = (await browser.GetStringAsync($"/admin/requests/{id}")).Text();
            var due = page[page.IndexOf("id=\"due-date\"", StringComparison.Ordinal)..];
            Assert.Contains(lapse == "fee" ? "无（其他处理（申请人逾期未缴纳信息处理费），不再答复）" : "无（其他处理（申请人无正当理由逾期不补正），不再答复）", due[..due.IndexOf("</p>", StringComparison.Ordinal)]);
            Assert.Contains(phase, page);
            Assert.DoesNotContain("届满日为", page);
        }
    }
}

public sealed class LateClockEntryTests_Sqlite(ClockedSqliteApp app) : LateClockEntryTests<ClockedSqliteApp>(app);

public sealed class LateClockEntryTests_Postgres(ClockedPostgresApp app) : LateClockEntryTests<ClockedPostgresApp>(app);
