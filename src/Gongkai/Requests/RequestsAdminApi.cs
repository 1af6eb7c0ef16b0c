using Gongkai.Platform;
using Gongkai.Platform.Web;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Handling;
using Gongkai.Requests.Intake;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>
/// /api/v1/admin/requests: every handling step for staff, with a personal API token and the token owner's organ scope
/// (another organ's request answers 404). Each step answers the case with its due date, timeliness and the clock's
/// explanation; a refused step answers 400 ProblemDetails with the reason in Chinese and changes nothing.
/// </summary>
internal static class RequestsAdminApi
{
    public sealed record EventDto(int Sequence, string Kind, string KindLabel, string On, string? Until, int? WorkingDays, string? Party, string? ApprovedBy,
        string? Outcome, string RecordedBy);

    public sealed record ReplyDto(string Outcome, string OutcomeLabel, string? LegalGround, string? WithheldParts, string? ResponsibleOrgan,
        Guid? PublishedDocumentId, string? Summary, string? ProposedBy, string? ProposedOn, string? ReviewedBy, string? ReviewedOn, string? ReviewOpinion);

    /// <param name="DueDate">
    /// Null while waiting for a correction, after a lapse, or while pending without a date (then <paramref name="DueDatePendingReason"/>).
    /// Past the published holiday schedules it is provisional: <paramref name="DueDateProvisional"/> with <paramref name="DueDateProvisionalReason"/>,
    /// <paramref name="DueDatePendingReason"/> still set (the final date waits for the schedule).
    /// </param>
    public sealed record CaseDto(Guid Id, string TrackingNumber, Guid OrganId, string Organ, string Channel, string ApplicantType, string ApplicantName,
        string ReceivedOn, string Stage, string StageLabel, string? DueDate, string? DueDatePendingReason, bool DueDateProvisional,
        string? DueDateProvisionalReason, string Timeliness, string Phase, int? WorkingDaysLeft,
        string? CorrectionNoticeLatest, IReadOnlyList<string> Explanation, string? AssignedTo, string? RegisteredOn, ReplyDto? Reply, string? DeliveredBy,
        string? DeliveredOn, string? Outcome, string? OutcomeLabel, string? ClosedOn, IReadOnlyList<EventDto> Events, IReadOnlyList<SentLetterDto> SentLetters,
        long Version);

    /// <summary>发文存档: a reply letter as it was sent; <paramref name="Url"/> answers the PDF.</summary>
    public sealed record SentLetterDto(Guid Id, string Title, string Outcome, string TemplateKey, int TemplateVersion, string LetterDate, string DeliveredBy,
        string DeliveredOn, string? Sha256, long Size, string Url);

    /// <param name="DueDatePending">The final due date waits for the next year's holiday schedule; with a <paramref name="DueDate"/> that date is provisional (暂定).</param>
    public sealed record ListItemDto(Guid Id, string TrackingNumber, Guid OrganId, string ApplicantName, string ReceivedOn, string Stage, string? DueDate,
        bool DueDatePending, string? Timeliness, string? AssignedTo);

    public sealed record ListDto(int Total, IReadOnlyDictionary<string, int> Queues, IReadOnlyList<ListItemDto> Items);

    public sealed record DateBody(DateOnly? On, string? Note);

    public sealed record CorrectionNoticeBody(DateOnly? On, DateOnly? Until, string? Note);

    public sealed record ConsultationBody(bool ThirdParty, string? Party, DateOnly? On, string? Note);

    public sealed record AnswerBody(string? Party, DateOnly? On, string? Note);

    public sealed record ExtensionBody(DateOnly? On, int? WorkingDays, string? Note);

    public sealed record DelayBody(DateOnly? On, DateOnly? Until, string? Reason, string? Note);

    public sealed record AssignBody(string? UserName);

    public sealed record TransferBody(Guid? ToOrganId, string? Reason);

    public sealed record ReviewBody(bool Approve, string? Opinion);

    public sealed record DeliveryBody(DeliveryMethod? Method, DateOnly? On);

    public sealed record IdenticalItemDto(Guid Id, string TrackingNumber, string ApplicantName, string InformationWanted, string ReceivedOn, string Stage, string? Outcome);

    public sealed record IdenticalGroupDto(Guid OrganId, int Applicants, IReadOnlyList<IdenticalItemDto> Requests);

    public sealed record IdenticalDto(string From, string To, int Compared, bool Capped, IReadOnlyList<IdenticalGroupDto> Groups);

    public static void MapRequestsAdminApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/admin/requests").WithTags("依申请公开（办理）").RequireAuthorization(Platform.PlatformModule.ApiPolicy);

        api.MapGet("", async (RequestStage? stage, Timeliness? timeliness, bool? duePending, string? q, int? page, RequestCases cases, RequestQueue queue,
                TimeProvider clock, CancellationToken ct) =>
            {
                var scope = await cases.ScopeAsync();
                if (scope.IsEmpty)
                {
                    throw new ForbiddenAction("您没有查看政府信息公开申请的权限。");
                }

                var found = await queue.PageAsync(scope, new QueueFilter(stage, Pending: duePending == true, Text: q, Timeliness: timeliness, Page: page ?? 1),
                    ChineseDates.Today(clock), ct);
                var counts = await cases.QueueCountsAsync(scope, ct);
                return new ListDto(found.Total, counts.ToDictionary(c => c.Key.ToString(), c => c.Value),
                    found.Rows.Select(r => new ListItemDto(r.Id, r.TrackingNumber, r.OrganId, r.ApplicantName, ChineseDates.Iso(r.ReceivedOn), r.Stage.ToString(),
                        Iso(r.DueOn), r.DuePending, RequestCases.ListTimeliness(r)?.ToString(), r.AssignedToName)).ToList());
            })
            .Produces<ListDto>()
            .WithSummary("本人权限范围内的申请列表（每页50件）：默认为未办结的申请，按答复期限先后；stage=Closed 为已办结的，q 在全部申请中查找，均按收到先后倒序；可按时效、是否待定筛选；附各队列的件数");

        api.MapGet("/identical", async (string? from, string? to, RequestCases cases, Insight.FindIdenticalRequests find, CancellationToken ct) =>
            {
                var scope = await cases.ScopeAsync();
                if (scope.IsEmpty)
                {
                    throw new ForbiddenAction("您没有查看政府信息公开申请的权限。");
                }

                var result = await find.InPeriodAsync(scope, InputDates.Optional(from, "from"), InputDates.Optional(to, "to"), ct);
                return new IdenticalDto(ChineseDates.Iso(result.From), ChineseDates.Iso(result.To), result.Compared, result.Capped,
                    result.Groups.Select(g => new IdenticalGroupDto(g.OrganId, g.Applicants, g.Requests.Select(r => new IdenticalItemDto(r.Id, r.TrackingNumber,
                        r.ApplicantName, r.InformationWanted, ChineseDates.Iso(r.ReceivedOn), r.Stage.ToString(), r.Outcome?.ToString())).ToList())).ToList());
            })
            .Produces<IdenticalDto>().ProducesProblem(400).ProducesProblem(403)
            .WithSummary("条例第四十四条：期间内（from–to，默认近365天）多个申请人申请相同政府信息的申请组，建议纳入主动公开范围");

        api.MapGet("/{id:guid}", async (Guid id, RequestCases cases, RequestClock clock, CancellationToken ct) =>
                await Find(cases, id, ct) is { } r ? Results.Ok(await DtoAsync(r, cases, clock, ct)) : NotFound())
            .Produces<CaseDto>().ProducesProblem(404)
            .WithSummary("一件申请：答复期限、时效和期限的计算过程、办理记录");

        api.MapGet("/{id:guid}/sent-letters/{letterId:guid}", async (Guid id, Guid letterId, RequestCases cases, Letters.ProduceLetter letters, CancellationToken ct) =>
                await Find(cases, id, ct) is { } r && await letters.OpenSentAsync(r, letterId, ct) is { } sent
                    ? Results.File(sent.Content, "application/pdf", sent.Letter.FileName)
                    : Results.Problem(statusCode: 404, title: "未找到该存档文书"))
            .Produces(200, contentType: "application/pdf").ProducesProblem(404)
            .WithSummary("发文存档：送达时存档的答复告知书（PDF，与送达时完全一致；查看记入审计）");

        api.MapPost("", async (RegistrationInput input, RegisterRequest register, RequestCases cases, RequestClock clock, CancellationToken ct) =>
            {
                var filed = await register.HandleAsync(input, ct);
                var request = await cases.FindAsync(filed.Request.Id, ct);
                return Results.Created($"/api/v1/admin/requests/{filed.Request.Id}", await DtoAsync(request!, cases, clock, ct));
            })
            .Produces<CaseDto>(201).ProducesProblem(400).ProducesProblem(403)
            .WithSummary("登记当面、邮寄、平常信函、传真或口头提出的申请（channel、submittedOn、signedForOn、confirmedOn 决定收到申请之日）");

        Step(api, "/{id:guid}/register", "登记在线提交的申请", (sp, r, ct) => sp.GetRequiredService<RegisterReceived>().HandleAsync(r, ct));
        Step<AssignBody>(api, "/{id:guid}/assign", "分办给承办人（userName）", (sp, r, b, ct) => sp.GetRequiredService<AssignHandler>().HandleAsync(r, b.UserName, ct));
        Step<TransferBody>(api, "/{id:guid}/transfer", "转办至平台上的另一机关（保留受理编号和收到申请之日）",
            (sp, r, b, ct) => sp.GetRequiredService<TransferRequest>().HandleAsync(r, b.ToOrganId, b.Reason, ct));
        Step<CorrectionNoticeBody>(api, "/{id:guid}/correction-notice", "发出补正通知（收到申请后7个工作日内，一次性；until 为补正期限）",
            (sp, r, b, ct) => Clock(sp, r, new() { Kind = ClockEventKind.CorrectionRequested, On = b.On, Until = b.Until, Note = b.Note }, ct));
        Step<DateBody>(api, "/{id:guid}/correction-received", "收到补正：答复期限自收到补正之日重新计算",
            (sp, r, b, ct) => Clock(sp, r, new() { Kind = ClockEventKind.CorrectionReceived, On = b.On, Note = b.Note }, ct));
        Step<ConsultationBody>(api, "/{id:guid}/consultations", "征求第三方（thirdParty=true）或其他机关意见：答复期限暂停，最长15个工作日",
            (sp, r, b, ct) => Clock(sp, r, new() { Kind = b.ThirdParty ? ClockEventKind.ThirdPartyConsulted : ClockEventKind.OrganConsulted, On = b.On, Party = b.Party, Note = b.Note }, ct));
        Step<AnswerBody>(api, "/{id:guid}/consultations/answer", "收到征求意见的答复",
            (sp, r, b, ct) => Clock(sp, r, new() { Kind = ClockEventKind.ConsultationAnswered, On = b.On, Party = b.Party, Note = b.Note }, ct));
        Step<ExtensionBody>(api, "/{id:guid}/extension", "延长答复期限：须由政府信息公开工作机构负责人（本单位部门管理员或政务公开办）以本人令牌登记，登记人即批准人；只能一次，最长20个工作日",
            (sp, r, b, ct) => Clock(sp, r, new() { Kind = ClockEventKind.ExtensionApproved, On = b.On, WorkingDays = b.WorkingDays, Note = b.Note }, ct));
        Step<DateBody>(api, "/{id:guid}/fee-notice", "发出收费通知：答复期限暂停；20个工作日内未缴费视为放弃申请（其他处理-2）",
            (sp, r, b, ct) => Clock(sp, r, new() { Kind = ClockEventKind.FeeNoticeIssued, On = b.On, Note = b.Note }, ct));
        Step<DateBody>(api, "/{id:guid}/fee-paid", "收到信息处理费：答复期限继续计算",
            (sp, r, b, ct) => Clock(sp, r, new() { Kind = ClockEventKind.FeePaid, On = b.On, Note = b.Note }, ct));
        Step<DelayBody>(api, "/{id:guid}/delay", "条例第三十五条：确定延迟答复的合理期限（until）并说明理由",
            (sp, r, b, ct) => Clock(sp, r, new() { Kind = ClockEventKind.DelayedDeadlineSet, On = b.On, Until = b.Until, Party = b.Reason, Note = b.Note }, ct));
        Step<ReplyInput>(api, "/{id:guid}/reply", "拟办答复：办理结果（年度报告表三的一项）及其依据；部分公开须写明不予公开的部分；不属于本机关须写明负责机关",
            (sp, r, b, ct) => sp.GetRequiredService<ProposeReply>().HandleAsync(r, b, ct));
        Step<ReviewBody>(api, "/{id:guid}/review", "审核拟办答复（approve=true 通过；false 退回，须写审核意见）；拟办人不能审核自己的拟办",
            (sp, r, b, ct) => sp.GetRequiredService<ReviewReply>().HandleAsync(r, b.Approve, b.Opinion, ct));
        Step<DeliveryBody>(api, "/{id:guid}/delivery", "记录答复送达（方式和日期）并以审核通过的结果办结",
            (sp, r, b, ct) => sp.GetRequiredService<DeliverReply>().HandleAsync(r, b.Method, b.On, ct));
    }

    private static void Step(RouteGroupBuilder api, string route, string summary, Func<IServiceProvider, DisclosureRequest, CancellationToken, Task> step) =>
        api.MapPost(route, async (Guid id, HttpContext http, RequestCases cases, RequestClock clock, CancellationToken ct) =>
            {
                if (await Find(cases, id, ct) is not { } request)
                {
                    return NotFound();
                }

                IfMatch.Check(http.Request, request);
                await step(http.RequestServices, request, ct);
                return Results.Ok(await DtoAsync(request, cases, clock, ct));
            })
            .Produces<CaseDto>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary(summary + "。可带 If-Match: \"version\"（读取时的 version）：期间已被他人修改则答复409，不作任何更改");

    private static void Step<TBody>(RouteGroupBuilder api, string route, string summary, Func<IServiceProvider, DisclosureRequest, TBody, CancellationToken, Task> step) =>
        api.MapPost(route, async (Guid id, TBody body, HttpContext http, RequestCases cases, RequestClock clock, CancellationToken ct) =>
            {
                if (await Find(cases, id, ct) is not { } request)
                {
                    return NotFound();
                }

                IfMatch.Check(http.Request, request);
                await step(http.RequestServices, request, body, ct);
                return Results.Ok(await DtoAsync(request, cases, clock, ct));
            })
            .Produces<CaseDto>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary(summary + "。可带 If-Match: \"version\"（读取时的 version）：期间已被他人修改则答复409，不作任何更改");

    private static Task Clock(IServiceProvider sp, DisclosureRequest request, ClockEventInput input, CancellationToken ct) =>
        sp.GetRequiredService<RecordClockEvent>().HandleAsync(request, input, ct);

    private static async Task<DisclosureRequest?> Find(RequestCases cases, Guid id, CancellationToken ct) => await cases.FindAsync(id, ct);

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "未找到该申请");

    private static string? Iso(DateOnly? date) => date is { } d ? ChineseDates.Iso(d) : null;

    internal static async Task<CaseDto> DtoAsync(DisclosureRequest r, RequestCases cases, RequestClock clock, CancellationToken ct)
    {
        var state = await clock.StateAsync(r, ct);
        var reply = r.ProposedOutcome ?? r.Outcome;
        return new CaseDto(r.Id, r.TrackingNumber, r.OrganId, await cases.OrganNameAsync(r.OrganId, ct), r.Channel.ToString(), r.ApplicantType.ToString(),
            r.ApplicantName, ChineseDates.Iso(r.ReceivedOn), r.Stage.ToString(), r.Stage.QueueLabel(), Iso(state.DueOn), state.DuePendingReason,
            state.DueProvisional, state.DueProvisional ? state.ProvisionalReason : null, state.Timeliness.ToString(), state.Phase.ToString(), state.WorkingDaysLeft, Iso(state.CorrectionNoticeLatest), state.Explanation, r.AssignedToName,
            Iso(r.RegisteredOn),
            reply is { } o && r.ProposedOutcome is not null
                ? new ReplyDto(o.ToString(), o.Label(), r.LegalGround, r.WithheldParts, r.ResponsibleOrgan, r.PublishedDocumentId, r.ReplySummary,
                    r.ProposedByName, Iso(r.ProposedOn), r.ReviewedByName, Iso(r.ReviewedOn), r.ReviewOpinion)
                : null,
            r.DeliveredBy?.ToString(), Iso(r.DeliveredOn), r.Outcome?.ToString(), r.Outcome?.Label(), Iso(r.ClosedOn),
            r.Events.OrderBy(e => e.Sequence).Select(e => new EventDto(e.Sequence, e.Kind.ToString(), e.Kind.Label(), ChineseDates.Iso(e.On), Iso(e.Until),
                e.WorkingDays, e.Party, e.ApprovedBy, e.Outcome?.ToString(), e.RecordedByName)).ToList(),
            (await cases.SentLettersAsync(r.Id, ct)).Select(l => new SentLetterDto(l.Id, l.Title, l.Outcome.ToString(), l.TemplateKey, l.TemplateVersion,
                ChineseDates.Iso(l.LetterDate), l.DeliveredBy.ToString(), ChineseDates.Iso(l.DeliveredOn), l.Sha256, l.Size,
                $"/api/v1/admin/requests/{r.Id}/sent-letters/{l.Id}")).ToList(),
            r.RowVersion);
    }
}
