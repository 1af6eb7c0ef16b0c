using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Staff;
using Gongkai.Requests;
using Gongkai.Requests.Clock;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.ClockTestData;

namespace Gongkai.Tests.Requests;

/// <summary>
/// 依申请公开 handling through the staff API on both databases, on a clock the test sets: from online submission to the
/// delivered reply, the refusals that change nothing, and another organ's handler who finds nothing.
/// </summary>
public abstract class RequestHandlingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    private readonly RequestTestKit kit = new(app);

    private Task<RequestTestKit.Staff> StaffAsync() => kit.StaffAsync();

    private HttpClient Api(string token) => kit.Api(token);

    private Task<(Guid Id, string Number, JsonElement Filed)> SubmitAsync(string name) => kit.SubmitAsync(name);

    private static Task<JsonElement> OkAsync(HttpResponseMessage response) => RequestTestKit.OkAsync(response);

    private Task RefusedAsync(Guid id, Func<Task<HttpResponseMessage>> act, string message) => kit.RefusedAsync(id, act, message);

    [Fact]
    public async Task Online_submission_to_delivered_reply_through_the_staff_API()
    {
        var staff = await StaffAsync();
        app.Clock.SetDay("2026-03-02");
        var (id, number, _) = await SubmitAsync("办理旅程申请人");
        var handler = Api(staff.Handler);
        var head = Api(staff.Head);

        var list = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/admin/requests?q={number}");
        Assert.Equal("Received", list.GetProperty("items")[0].GetProperty("stage").GetString());
        Assert.True(list.GetProperty("queues").GetProperty("Received").GetInt32() >= 1);

        app.Clock.SetDay("2026-03-03");
        var registered = await OkAsync(await handler.PostAsync($"/api/v1/admin/requests/{id}/register", null));
        Assert.Equal("Registered", registered.GetProperty("stage").GetString());
        Assert.Equal("2026-03-30", registered.GetProperty("dueDate").GetString());
        Assert.Equal("OnTime", registered.GetProperty("timeliness").GetString());

        var assigned = await OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/assign", new { userName = "mz-cbr" }));
        Assert.Equal("InHandling", assigned.GetProperty("stage").GetString());
        Assert.Contains("mz-cbr", assigned.GetProperty("assignedTo").GetString());

        app.Clock.SetDay("2026-03-20");
        await RefusedAsync(id, () => handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/correction-notice", new { on = "2026-03-20", until = "2026-04-03" }),
            "7个工作日内");
        await RefusedAsync(id, () => head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/extension", new { on = "2026-03-20", workingDays = 21 }),
            "最长不得超过20个工作日");
        await RefusedAsync(id, () => head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/extension", new { on = "2026-02-27", workingDays = 10 }),
            "不能早于收到申请之日");
        // Art. 33: a handler cannot grant the extension, nor name an approver; the office head approves under their own account.
        await kit.ForbiddenAsync(id, () => handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/extension", new { on = "2026-03-20", workingDays = 10, approvedBy = "王主任" }),
            "负责人同意");

        var extended = await OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/extension", new { on = "2026-03-20", workingDays = 10, approvedBy = "王主任" }));
        var expected = ReplyDeadline.Compute(Shipped, InPerson("2026-03-02"), [E(ClockEventKind.ExtensionApproved, "2026-03-20", days: 10, approvedBy: "mz-head")], D("2026-03-20"));
        Assert.Equal(Gongkai.Platform.ChineseDates.Iso(expected.DueOn!.Value), extended.GetProperty("dueDate").GetString());
        Assert.Contains(extended.GetProperty("explanation").EnumerateArray(), l => l.GetString()!.Contains("mz-head（mz-head）同意，延长答复期限10个工作日"));
        Assert.DoesNotContain(extended.GetProperty("explanation").EnumerateArray(), l => l.GetString()!.Contains("王主任"));
        var approval = await app.WithDbAsync(db => db.RequestClockEvents.SingleAsync(e => e.RequestId == id && e.Kind == ClockEventKind.ExtensionApproved));
        var headId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "mz-head").Select(u => u.Id).SingleAsync());
        Assert.Equal(headId, approval.RecordedById);
        Assert.EndsWith("（mz-head）", approval.ApprovedBy);
        var approvalAudit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.TargetId == id.ToString() && e.Action == "request.clock.extensionapproved"));
        Assert.Contains("（mz-head）以部门管理员身份批准，10个工作日", approvalAudit.Summary);

        await RefusedAsync(id, () => handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", new { outcome = "PartlyDisclosed", withheldParts = "第3页个人信息" }),
            "须写明法律依据");
        await RefusedAsync(id, () => handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", new { outcome = "PartlyDisclosed", legalGround = "条例第十五条" }),
            "不予公开的部分");
        var proposed = await OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", new
        {
            outcome = "PartlyDisclosed",
            legalGround = "《政府信息公开条例》第十五条、第三十七条",
            withheldParts = "补贴发放名单中的个人身份证号码和银行账号",
            summary = "以电子邮件提供补贴发放情况汇总表",
        }));
        Assert.Equal("AwaitingReview", proposed.GetProperty("stage").GetString());

        var notReviewer = await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/review", new { approve = true });
        Assert.Equal(HttpStatusCode.Forbidden, notReviewer.StatusCode);
        Assert.Contains("审核", await notReviewer.Content.ReadAsStringAsync());
        var reviewed = await OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/review", new { approve = true, opinion = "同意部分公开" }));
        Assert.Equal("ReadyToSend", reviewed.GetProperty("stage").GetString());
        Assert.Contains("mz-head", reviewed.GetProperty("reply").GetProperty("reviewedBy").GetString());

        app.Clock.SetDay("2026-03-25");
        await RefusedAsync(id, () => handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/delivery", new { method = "Email", on = "2026-03-19" }),
            "不能早于审核通过之日");
        var delivered = await OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/delivery", new { method = "Email", on = "2026-03-25" }));
        Assert.Equal("Closed", delivered.GetProperty("stage").GetString());
        Assert.Equal("PartlyDisclosed", delivered.GetProperty("outcome").GetString());
        Assert.Equal("2026-03-25", delivered.GetProperty("deliveredOn").GetString());
        Assert.Equal("OnTime", delivered.GetProperty("timeliness").GetString());
        Assert.Contains(delivered.GetProperty("explanation").EnumerateArray(), l => l.GetString()!.Contains("办结，在答复期限内"));

        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.TargetId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["request.file", "request.register", "request.assign", "request.clock.extensionapproved", "request.reply.propose", "request.reply.approve",
            "request.deliver"], actions);
        await RefusedAsync(id, () => handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/fee-notice", new { on = "2026-03-25" }), "已办结");
    }

    [Fact]
    public async Task Another_organs_handler_finds_nothing()
    {
        var staff = await StaffAsync();
        app.Clock.SetDay("2026-03-02");
        var (id, number, _) = await SubmitAsync("别的机关看不到");
        var foreign = Api(staff.Foreign);
        var get = await foreign.GetAsync($"/api/v1/admin/requests/{id}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync($"/api/v1/admin/requests/{id}/assign", new { userName = "cz-cbr" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync($"/api/v1/admin/requests/{id}/extension", new { workingDays = 5, approvedBy = "某" })).StatusCode);
        var list = await foreign.GetFromJsonAsync<JsonElement>($"/api/v1/admin/requests?q={number}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/admin/requests/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_handler_of_another_organ_cannot_be_assigned_and_a_transfer_moves_the_case_with_a_record()
    {
        var staff = await StaffAsync();
        app.Clock.SetDay("2026-03-02");
        var (id, _, _) = await SubmitAsync("转办申请人");
        var head = Api(staff.Head);
        await RefusedAsync(id, () => head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/assign", new { userName = "cz-cbr" }), "没有办理本单位政府信息公开申请的权限");
        var finance = (await app.OrganAsync("区财政局")).Id;
        await RefusedAsync(id, () => head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/transfer", new { toOrganId = finance }), "转办理由");

        var moved = await OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/transfer", new { toOrganId = finance, reason = "所需信息由区财政局制作" }));
        Assert.Equal(finance, moved.GetProperty("organId").GetGuid());
        Assert.Equal("2026-03-02", moved.GetProperty("receivedOn").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/admin/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api(staff.Foreign).GetAsync($"/api/v1/admin/requests/{id}")).StatusCode);
        var transfer = await app.WithDbAsync(db => db.RequestTransfers.SingleAsync(t => t.RequestId == id));
        Assert.Equal(finance, transfer.ToOrganId);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.TargetId == id.ToString() && e.Action.StartsWith("request.transfer"))));
    }

    [Fact]
    public async Task A_reply_not_ours_names_the_responsible_organ()
    {
        var staff = await StaffAsync();
        app.Clock.SetDay("2026-03-02");
        var (id, _, _) = await SubmitAsync("不属于本机关申请人");
        var handler = Api(staff.Head);
        await RefusedAsync(id, () => handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", new { outcome = "NotHeld", notOurs = true, legalGround = "条例第三十六条第五项" }),
            "负责公开该信息的机关名称和联系方式");
        await RefusedAsync(id, () => handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", new { outcome = "OtherNoCorrection", legalGround = "条例第三十条" }),
            "系统自动办结");
        var proposed = await OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply",
            new { outcome = "NotHeld", notOurs = true, legalGround = "条例第三十六条第五项", responsibleOrgan = "北京市民政局，电话010-12345678" }));
        Assert.Equal("北京市民政局，电话010-12345678", proposed.GetProperty("reply").GetProperty("responsibleOrgan").GetString());
        // Seen but not allowed (the proposer may not review their own reply): 403, not a 400 for bad input.
        await kit.ForbiddenAsync(id, () => handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/review", new { approve = true }), "拟办人不能审核自己的拟办意见");
        var openApi = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/admin/requests", "/api/v1/admin/requests/{id}/extension", "/api/v1/admin/requests/{id}/reply", "/api/v1/admin/requests/{id}/delivery",
            "/api/v1/admin/requests/{id}/correction-notice", "/api/v1/admin/requests/{id}/consultations/answer", "/api/v1/admin/requests/{id}/fee-paid" })
        {
            Assert.Contains($"\"{path}\"", openApi);
        }
    }

    [Fact]
    public async Task Correction_consultation_and_fee_pause_the_case_and_an_already_published_reply_links_the_document()
    {
        var staff = await StaffAsync();
        app.Clock.SetDay("2026-05-11");
        var (id, _, _) = await SubmitAsync("暂停计时申请人");
        var handler = Api(staff.Handler);
        var asked = await OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/correction-notice", new { on = "2026-05-11", until = "2026-05-22" }));
        Assert.Equal("AwaitingCorrection", asked.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, asked.GetProperty("dueDate").ValueKind);

        app.Clock.SetDay("2026-05-14");
        var corrected = await OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/correction-received", new { on = "2026-05-14" }));
        var restarted = ReplyDeadline.Compute(Shipped, InPerson("2026-05-11"),
            [E(ClockEventKind.CorrectionRequested, "2026-05-11", until: "2026-05-22"), E(ClockEventKind.CorrectionReceived, "2026-05-14")], D("2026-05-14"));
        Assert.Equal(Gongkai.Platform.ChineseDates.Iso(restarted.DueOn!.Value), corrected.GetProperty("dueDate").GetString());

        var consulting = await OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/consultations", new { thirdParty = true, party = "某养老服务公司", on = "2026-05-14" }));
        Assert.Equal("Consultation", consulting.GetProperty("stage").GetString());
        await RefusedAsync(id, () => handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", new { outcome = "Disclosed" }), "征求意见尚未答复");
        app.Clock.SetDay("2026-05-20");
        var answered = await OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/consultations/answer", new { party = "某养老服务公司", on = "2026-05-20" }));
        Assert.Equal("InHandling", answered.GetProperty("stage").GetString());

        var fee = await OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/fee-notice", new { on = "2026-05-20" }));
        Assert.Equal("AwaitingFee", fee.GetProperty("stage").GetString());
        app.Clock.SetDay("2026-05-22");
        Assert.Equal("InHandling", (await OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/fee-paid", new { on = "2026-05-22" })))
            .GetProperty("stage").GetString());

        await RefusedAsync(id, () => handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", new { outcome = "Disclosed", publishedDocumentId = Guid.NewGuid() }),
            "尚未主动公开");
        var document = await app.PublishAsync(new Publishing.Doc("西城区2025年养老服务驿站运营补贴发放情况", WrittenOn: "2026-05-06"));
        var proposed = await OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", new { outcome = "Disclosed", publishedDocumentId = document, summary = "已主动公开，请在本网站查阅" }));
        Assert.Equal(document, proposed.GetProperty("reply").GetProperty("publishedDocumentId").GetGuid());
        Assert.Equal(6, proposed.GetProperty("events").GetArrayLength());
    }
}

public sealed class RequestHandlingTests_Sqlite(ClockedSqliteApp app) : RequestHandlingTests<ClockedSqliteApp>(app);

public sealed class RequestHandlingTests_Postgres(ClockedPostgresApp app) : RequestHandlingTests<ClockedPostgresApp>(app);
