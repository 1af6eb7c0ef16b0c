using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform;
using Gongkai.Requests;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Sweep;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.ClockTestData;

namespace Gongkai.Tests.Requests;

/// <summary>
/// Near the end of the loaded calendar a request is still filed, its due date pending and shown so, until the next year
/// is loaded; the daily sweep recomputes timeliness, closes lapsed requests and writes the day's reminder lists.
/// </summary>
public abstract class RequestSweepTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    private readonly RequestTestKit help = new(app);

    private Task<RequestSweepRun?> SweepAsync() =>
        app.Services.GetRequiredService<DailySweeper>().RunAsync("daily", onlyPending: false, wait: true, CancellationToken.None);

    [Fact]
    public async Task A_request_past_the_calendar_is_filed_with_a_provisional_due_date_made_final_and_audited_when_the_year_is_loaded()
    {
        const string Reason = "2027年节假日安排尚未发布，按周末和法定节假日推算，发布后重新计算";
        app.Clock.SetDay("2026-12-21");
        var (id, number, filed) = await help.SubmitAsync("年底申请人");
        // 12-22..12-31 (8), 元旦 2027-01-01 off, 01-04..01-19 (20): provisional, still pending the 2027 schedule.
        Assert.Equal("2027-01-19", filed.GetProperty("dueDate").GetString());
        Assert.True(filed.GetProperty("dueDateProvisional").GetBoolean());
        Assert.Equal(Reason, filed.GetProperty("dueDateProvisionalReason").GetString());
        Assert.Equal("截止日期待2027年节假日安排发布后计算", filed.GetProperty("dueDatePendingReason").GetString());
        var stored = await app.WithDbAsync(db => db.DisclosureRequests.SingleAsync(r => r.Id == id));
        Assert.True(stored.DuePending);
        Assert.Equal(D("2027-01-19"), stored.DueOn);
        Assert.NotNull(stored.Timeliness);

        var client = app.Browser();
        var tracked = (await (await client.SubmitAsync("/requests/track", [new("TrackingNumber", number), new("Secret", filed.GetProperty("secret").GetString()!)]))
            .Content.ReadAsStringAsync()).Text();
        Assert.Contains("id=\"due-date\">2027年1月19日（暂定）", tracked);
        Assert.Contains(Reason, tracked);
        var status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{number}?secret={Uri.EscapeDataString(filed.GetProperty("secret").GetString()!)}");
        Assert.Equal("2027-01-19", status.GetProperty("dueDate").GetString());
        Assert.True(status.GetProperty("dueDateProvisional").GetBoolean());

        var staff = await help.StaffAsync();
        var handler = help.Api(staff.Handler);
        var detail = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/admin/requests/{id}");
        Assert.Equal("截止日期待2027年节假日安排发布后计算", detail.GetProperty("dueDatePendingReason").GetString());
        Assert.True(detail.GetProperty("dueDateProvisional").GetBoolean());
        Assert.Equal(Reason, detail.GetProperty("dueDateProvisionalReason").GetString());
        Assert.Equal("2027-01-19", detail.GetProperty("dueDate").GetString());

        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var list = (await admin.GetStringAsync($"/admin/requests?q={number}")).Text();
        Assert.Contains(number, list);
        Assert.Contains("2027年1月19日（暂定）", list);
        var casePage = (await admin.GetStringAsync($"/admin/requests/{id}")).Text();
        Assert.Contains("2027年1月19日（暂定）", casePage);
        Assert.Contains(Reason, casePage);

        // A fee notice in December: its 20-working-day payment period runs past the calendar, so the notice states the
        // period instead of a date, and the date is filled in when the year is loaded.
        var (feeId, _, _) = await help.SubmitAsync("年底收费申请人");
        var feeUrl = $"/admin/requests/{feeId}/fee";
        var issued = await admin.SubmitAsync(feeUrl, [new("Input.Method", "PerPage"), new("Input.Pages", "150"), new("Input.PaymentInstructions", "到区政务服务中心收费窗口缴纳")], feeUrl + "?handler=Issue");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Null((await app.WithDbAsync(db => db.FeeAssessments.SingleAsync(f => f.RequestId == feeId))).PayBy);
        const string Period = "自2026年12月21日起20个工作日内（具体日期待2027年节假日安排发布后确定）";
        Assert.Contains(Period, (await admin.GetStringAsync(feeUrl)).Text());
        var notice = await admin.SubmitAsync($"/admin/requests/{feeId}/letter", [new("Input.Kind", "FeeNotice"), new("format", "docx")]);
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Contains(Gongkai.Platform.Documents.DocxWriter.ReadParagraphs(await notice.Content.ReadAsStreamAsync()), p => p.Contains(Period, StringComparison.Ordinal));

        var load = await admin.SubmitAsync("/admin/calendar", [new("NewYear.Year", "2027"), new("NewYear.Source", "测试用2027年安排"), new("NewYear.Days", "2027-01-01 元旦 休")],
            "/admin/calendar?handler=LoadYear");
        Assert.Equal(HttpStatusCode.Redirect, load.StatusCode);
        stored = await app.WithDbAsync(db => db.DisclosureRequests.SingleAsync(r => r.Id == id));
        Assert.False(stored.DuePending);
        Assert.Equal(D("2027-01-19"), stored.DueOn);
        var final = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "request.due.final" && e.TargetId == id.ToString()));
        Assert.Contains("答复期限由暂定的2027年1月19日确定为2027年1月19日", final.Summary);
        Assert.False((await handler.GetFromJsonAsync<JsonElement>($"/api/v1/admin/requests/{id}")).GetProperty("dueDateProvisional").GetBoolean());
        Assert.Equal("2027-01-19", (await handler.GetFromJsonAsync<JsonElement>($"/api/v1/admin/requests/{id}")).GetProperty("dueDate").GetString());
        Assert.Equal(D("2027-01-19"), (await app.WithDbAsync(db => db.FeeAssessments.SingleAsync(f => f.RequestId == feeId))).PayBy);
        Assert.Contains("2027年1月19日", (await admin.GetStringAsync(feeUrl)).Text());
    }

    [Fact]
    public async Task The_daily_sweep_closes_lapsed_requests_and_lists_due_soon_and_overdue_ones_once_a_day()
    {
        var staff = await help.StaffAsync();
        var handler = help.Api(staff.Handler);
        app.Clock.SetDay("2026-02-02");
        var late = await help.SubmitAsync("巡检逾期申请人");
        app.Clock.SetDay("2026-03-02");
        var soon = await help.SubmitAsync("巡检即将到期申请人");
        var silent = await help.SubmitAsync("巡检不补正申请人");
        app.Clock.SetDay("2026-03-03");
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{silent.Id}/correction-notice",
            new { on = "2026-03-03", until = "2026-03-06" }));

        app.Clock.SetDay("2026-03-26");
        var run = await SweepAsync();
        Assert.NotNull(run);
        Assert.True(run.Closed >= 1);

        var closed = await app.WithDbAsync(db => db.DisclosureRequests.Include(r => r.Events).SingleAsync(r => r.Id == silent.Id));
        Assert.Equal(RequestStage.Closed, closed.Stage);
        Assert.Equal(RequestOutcome.OtherNoCorrection, closed.Outcome);
        Assert.Equal("每日巡检", closed.Events.Single(e => e.Kind == ClockEventKind.Closed).RecordedByName);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.TargetId == silent.Id.ToString() && e.Action == "request.close.lapsed")));

        var stored = await app.WithDbAsync(db => db.DisclosureRequests.Where(r => r.Id == soon.Id || r.Id == late.Id).ToDictionaryAsync(r => r.Id));
        Assert.Equal(Timeliness.DueSoon, stored[soon.Id].Timeliness);
        Assert.Equal(Timeliness.Overdue, stored[late.Id].Timeliness);
        Task<List<ReminderKind>> RemindersAsync(Guid id) => app.WithDbAsync(db => db.RequestReminders.Where(m => m.RequestId == id).Select(m => m.Kind).ToListAsync());
        Assert.Equal([ReminderKind.DueSoon], await RemindersAsync(soon.Id));
        Assert.Equal([ReminderKind.Overdue], await RemindersAsync(late.Id));
        // Written set-based on both databases: the whole line reads back as EF wrote it (id, day, due date, instant).
        var line = await app.WithDbAsync(db => db.RequestReminders.AsNoTracking().SingleAsync(m => m.RequestId == late.Id));
        Assert.NotEqual(Guid.Empty, line.Id);
        Assert.Equal((stored[late.Id].OrganId, stored[late.Id].CheckedOn, stored[late.Id].DueOn), (line.OrganId, (DateOnly?)line.On, (DateOnly?)line.DueOn));
        Assert.True(Math.Abs((line.CreatedAt - app.Clock.GetUtcNow()).TotalMinutes) < 1, $"{line.CreatedAt:O}");
        Assert.Equal(1, await app.WithDbAsync(db => db.RequestReminders.CountAsync(m => m.Id == line.Id)));

        var again = await SweepAsync();
        Assert.Equal(0, again!.Closed);
        Assert.Equal([ReminderKind.Overdue], await RemindersAsync(late.Id));

        app.Clock.SetDay("2026-03-27");
        await SweepAsync();
        Assert.Equal(2, (await RemindersAsync(late.Id)).Count);

        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var work = (await admin.GetStringAsync("/admin")).Text();
        Assert.Contains("今日逾期清单", work);
        var overdue = (await admin.GetStringAsync("/admin/requests?list=Overdue")).Text();
        Assert.Contains(late.Number, overdue);
        Assert.DoesNotContain(soon.Number, overdue);
        Assert.Contains("已逾期", overdue);
        var queues = (await admin.GetStringAsync("/admin/requests")).Text();
        Assert.Contains("data-queue=\"Closed\"", queues);
    }

    [Fact]
    public async Task The_sweep_reaches_every_open_request_of_every_organ_across_batches()
    {
        // More than one batch in each of two organs, stored without due dates (as an import would leave them).
        app.Clock.SetDay("2026-04-01");
        var organs = new[] { (await app.OrganAsync("区民政局")).Id, (await app.OrganAsync("区财政局")).Id };
        var perOrgan = RequestSweep.BatchSize + 37;
        var day = new DateOnly(2026, 3, 2);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(async db =>
        {
            foreach (var (organ, k) in organs.Select((o, k) => (o, k)))
            {
                db.DisclosureRequests.AddRange(Enumerable.Range(0, perOrgan).Select(i => new DisclosureRequest
                {
                    TrackingNumber = $"B{tag}-{k}-{i:D5}",
                    SecretHash = "x",
                    OrganId = organ,
                    Channel = Gongkai.Requests.Intake.RequestChannel.Online,
                    ApplicantName = "批量巡检申请人",
                    IdNumberProtected = "x",
                    PhoneProtected = "x",
                    InformationWanted = "批量巡检" + tag,
                    SubmittedOn = day,
                    ReceivedOn = day,
                    CreatedAt = app.Clock.GetUtcNow().AddDays(-20),
                }.WithStoredState(new() { UpdatedAt = app.Clock.GetUtcNow().AddDays(-20) })));
            }

            return await db.SaveChangesAsync();
        });

        var run = await SweepAsync();
        Assert.True(run!.Checked >= 2 * perOrgan, $"checked {run.Checked}");
        var swept = await app.WithDbAsync(db => db.DisclosureRequests.Where(r => r.InformationWanted == "批量巡检" + tag)
            .GroupBy(r => r.CheckedOn).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        var only = Assert.Single(swept);
        Assert.Equal((new DateOnly(2026, 4, 1), 2 * perOrgan), (only.Key!.Value, only.Count));
        // 20 working days from 2 March 2026 (the clock starts the next day).
        Assert.Equal(2 * perOrgan, await app.WithDbAsync(db => db.DisclosureRequests.CountAsync(r => r.InformationWanted == "批量巡检" + tag
            && r.DueOn == new DateOnly(2026, 3, 30) && r.Timeliness == Timeliness.Overdue)));
    }

    [Fact]
    public async Task The_case_page_walks_a_request_from_registration_to_delivery()
    {
        await help.StaffAsync();
        app.Clock.SetDay("2026-04-01");
        var (id, _, _) = await help.SubmitAsync("页面办理申请人");
        var handler = app.Browser();
        await handler.SignInOkAsync("mz-cbr", "Handling-pass-1");
        var url = $"/admin/requests/{id}";
        Assert.Contains("待登记", (await handler.GetStringAsync(url)).Text());
        Assert.Equal(HttpStatusCode.Redirect, (await handler.SubmitAsync(url, [], url + "?handler=Register")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await handler.SubmitAsync(url, [new("Handling.UserName", "mz-cbr")], url + "?handler=Assign")).StatusCode);
        var refused = (await (await handler.SubmitAsync(url, [new("Reply.Outcome", "WithheldProcess")], url + "?handler=Propose")).Content.ReadAsStringAsync()).Text();
        Assert.Contains("须写明法律依据和理由", refused);
        Assert.Equal(HttpStatusCode.Redirect, (await handler.SubmitAsync(url,
            [new("Reply.Outcome", "WithheldProcess"), new("Reply.LegalGround", "条例第十六条第二款，属于过程性信息")], url + "?handler=Propose")).StatusCode);
        Assert.Contains("待审核", (await handler.GetStringAsync(url)).Text());

        var head = app.Browser();
        await head.SignInOkAsync("mz-head", "Handling-pass-1");
        Assert.Equal(HttpStatusCode.Redirect, (await head.SubmitAsync(url, [new("Handling.Approve", "true"), new("Handling.Opinion", "同意")], url + "?handler=Review")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await handler.SubmitAsync(url, [new("Handling.Method", "Post"), new("Handling.On", "2026-04-01")], url + "?handler=Deliver")).StatusCode);
        var page = (await handler.GetStringAsync(url)).Text();
        Assert.Contains("不予公开（属于四类过程性信息）", page);
        Assert.Contains("已办结", page);
        Assert.Equal(RequestOutcome.WithheldProcess, await app.WithDbAsync(db => db.DisclosureRequests.Where(r => r.Id == id).Select(r => r.Outcome).SingleAsync()));
    }
}

public sealed class RequestSweepTests_Sqlite(ClockedSqliteApp app) : RequestSweepTests<ClockedSqliteApp>(app);

public sealed class RequestSweepTests_Postgres(ClockedPostgresApp app) : RequestSweepTests<ClockedPostgresApp>(app);
