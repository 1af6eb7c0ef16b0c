using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Requests.Appeals;

/// <summary>A reconsideration or lawsuit as the office records it; the result may come with it or later.</summary>
public sealed class AppealInput
{
    public AppealKind? Kind { get; set; }
    /// <summary>复议机关 or 人民法院; defaults to the body named in the appeal-rights sentence.</summary>
    public string? Body { get; set; }
    public string? CaseNumber { get; set; }
    public DateOnly? FiledOn { get; set; }
    public Guid? FollowsAppealId { get; set; }
    public AppealResult? Result { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Summary { get; set; }
    /// <summary>结果纠正: the deadline the decision set for a new reply, if it set one.</summary>
    public DateOnly? RedoBy { get; set; }
}

public sealed class AppealResultInput
{
    public AppealResult? Result { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Summary { get; set; }
    public DateOnly? RedoBy { get; set; }
}

/// <summary>
/// Records appeals against a request's handling and their results. A 结果纠正 on a closed request reopens its handling:
/// a <see cref="ClockEventKind.Reopened"/> event (carrying the corrected outcome) starts a new reply period, the stage
/// goes back to 办理中 and the outcome is cleared until the new reply. Audit events commit with each change.
/// </summary>
public sealed class RecordAppeal(GongkaiDb db, StaffAccess access, AuditLog audit, CurrentActor actor, CalendarStore calendars,
    IOptions<AppealRightsOptions> bodies, TimeProvider clock)
{
    public async Task<AppealCase> FileAsync(DisclosureRequest request, AppealInput input, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(request.OrganId, RequestAccess.Handlers, "记录复议和诉讼：", RequestAccess.Records);
        var today = ChineseDates.Today(clock);
        var kind = input.Kind is { } k && Enum.IsDefined(k) ? k : throw new ValidationFailure("请选择类型：行政复议、直接起诉或复议后起诉。", "Kind");
        var filed = input.FiledOn ?? throw new ValidationFailure("请填写收到复议或起诉的日期。", "FiledOn");
        if (filed < request.ReceivedOn)
        {
            throw new ValidationFailure($"日期不能早于收到申请之日（{ChineseDates.Long(request.ReceivedOn)}）。", "FiledOn");
        }

        if (filed > today)
        {
            throw new ValidationFailure("日期不能晚于今天。", "FiledOn");
        }

        if (input.FollowsAppealId is { } follows)
        {
            if (kind != AppealKind.LitigationAfterReconsideration)
            {
                throw new ValidationFailure("只有复议后起诉才关联此前的行政复议。", "FollowsAppealId");
            }

            if (!await db.AppealCases.AnyAsync(a => a.Id == follows && a.RequestId == request.Id && a.Kind == AppealKind.Reconsideration, ct))
            {
                throw new ValidationFailure("关联的行政复议不属于本申请。", "FollowsAppealId");
            }
        }

        var organKind = await db.Organs.Where(o => o.Id == request.OrganId).Select(o => o.Kind).SingleAsync(ct);
        var defaultBody = kind == AppealKind.Reconsideration
            ? organKind == Platform.Organisation.OrganKind.DistrictGovernment ? bodies.Value.DistrictGovernmentReconsiderationBody : bodies.Value.ReconsiderationBody
            : organKind == Platform.Organisation.OrganKind.DistrictGovernment ? bodies.Value.DistrictGovernmentCourt : bodies.Value.Court;
        var appeal = new AppealCase
        {
            RequestId = request.Id,
            OrganId = request.OrganId,
            Kind = kind,
            FollowsAppealId = input.FollowsAppealId,
            Body = InputText.OrNull(input.Body, 200, "内容不能超过200个字。", "Body") ?? defaultBody,
            CaseNumber = InputText.OrNull(input.CaseNumber, 100, "内容不能超过100个字。", "CaseNumber"),
            FiledOn = filed,
            Result = AppealResult.Pending,
            CreatedAt = clock.GetUtcNow(),
            UpdatedAt = clock.GetUtcNow(),
            CreatedByName = actor.Name,
        };
        db.AppealCases.Add(appeal);
        audit.Record(RequestAuditActions.AppealFile, "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}：{ChineseDates.Long(filed)}{kind.Label()}（{appeal.Body}{(appeal.CaseNumber is { } n ? "，" + n : "")}）", request.OrganId, role);
        try
        {
            if (input.Result is { } result && result != AppealResult.Pending)
            {
                await DecideCoreAsync(request, appeal, new AppealResultInput { Result = result, DecidedOn = input.DecidedOn, Summary = input.Summary, RedoBy = input.RedoBy }, role, today, ct);
            }
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }

        await db.SaveChangesAsync(ct);
        return appeal;
    }

    public async Task<AppealCase> DecideAsync(DisclosureRequest request, Guid appealId, AppealResultInput input, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(request.OrganId, RequestAccess.Handlers, "记录复议和诉讼：", RequestAccess.Records);
        var appeal = await db.AppealCases.FirstOrDefaultAsync(a => a.Id == appealId && a.RequestId == request.Id, ct)
            ?? throw new ValidationFailure("本申请没有这件复议或诉讼。");
        if (appeal.Result != AppealResult.Pending)
        {
            throw new ValidationFailure($"该案件已于{ChineseDates.Long(appeal.DecidedOn!.Value)}审结（{appeal.Result.Label()}），不能再改。");
        }

        await DecideCoreAsync(request, appeal, input, role, ChineseDates.Today(clock), ct);
        await db.SaveChangesAsync(ct);
        return appeal;
    }

    private async Task DecideCoreAsync(DisclosureRequest request, AppealCase appeal, AppealResultInput input, StaffRole role, DateOnly today, CancellationToken ct)
    {
        var result = input.Result is { } r && Enum.IsDefined(r) && r != AppealResult.Pending
            ? r
            : throw new ValidationFailure("请选择审结结果：维持、纠正或其他。", "Result");
        var decided = input.DecidedOn ?? throw new ValidationFailure("请填写审结日期。", "DecidedOn");
        if (decided < appeal.FiledOn || decided > today)
        {
            throw new ValidationFailure($"审结日期应在{ChineseDates.Long(appeal.FiledOn)}至今天之间。", "DecidedOn");
        }

        if (input.RedoBy is { } redo && (result != AppealResult.Corrected || redo <= decided))
        {
            throw new ValidationFailure("重新答复的期限只用于纠正结果，且应晚于审结日期。", "RedoBy");
        }

        appeal.Result = result;
        appeal.DecidedOn = decided;
        appeal.Summary = InputText.OrNull(input.Summary, 1000, "内容不能超过1000个字。", "Summary");
        appeal.UpdatedAt = clock.GetUtcNow();
        audit.Record(RequestAuditActions.AppealDecide, "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}：{appeal.Kind.Label()}{(appeal.CaseNumber is { } n ? "（" + n + "）" : "")}{ChineseDates.Long(decided)}审结，{result.Label()}", request.OrganId, role);
        if (result == AppealResult.Corrected && request.Stage == RequestStage.Closed)
        {
            await ReopenAsync(request, appeal, decided, input.RedoBy, role, today, ct);
        }
    }

    private async Task ReopenAsync(DisclosureRequest request, AppealCase appeal, DateOnly on, DateOnly? redoBy, StaffRole role, DateOnly today, CancellationToken ct)
    {
        var last = request.Events.Count == 0 ? request.ReceivedOn : request.Events.Max(e => e.On);
        if (on < last)
        {
            throw new ValidationFailure($"审结日期早于申请的最后一项办理记录（{ChineseDates.Long(last)}），请核对。", "DecidedOn");
        }

        var reopened = new RequestClockEvent
        {
            Kind = ClockEventKind.Reopened,
            On = on,
            Until = redoBy,
            Party = appeal.Body + (appeal.Kind == AppealKind.Reconsideration ? "行政复议" : "行政诉讼"),
            Outcome = request.Outcome,
            Note = appeal.CaseNumber,
            RecordedAt = clock.GetUtcNow(),
            RecordedById = actor.UserId,
            RecordedByName = actor.Name,
        };
        ClockState state;
        try
        {
            // The earlier reply stays in the events and the audit trail; the case starts a new reply from handling.
            state = request.Reopen(reopened, new ClockNow(await calendars.GetAsync(ct), today, clock.GetUtcNow()));
        }
        catch (CalendarRangeException e)
        {
            throw new ValidationFailure(e.Message, "RedoBy");
        }

        db.RequestClockEvents.Add(reopened);
        appeal.ReopenedOn = on;
        audit.Record(RequestAuditActions.Reopen, "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}：{appeal.Kind.Label()}结果纠正，重新办理，答复期限{(state.DueOn is { } due ? ChineseDates.Long(due) : "待定")}", request.OrganId, role);
    }
}

public static class AppealLabels
{
    public static string Label(this AppealKind kind) => kind switch
    {
        AppealKind.Reconsideration => "行政复议",
        AppealKind.LitigationDirect => "行政诉讼（未经复议直接起诉）",
        AppealKind.LitigationAfterReconsideration => "行政诉讼（复议后起诉）",
        _ => kind.ToString(),
    };

    public static string Label(this AppealResult result) => result switch
    {
        AppealResult.Pending => "尚未审结",
        AppealResult.Upheld => "结果维持",
        AppealResult.Corrected => "结果纠正",
        AppealResult.Other => "其他结果",
        _ => result.ToString(),
    };
}
