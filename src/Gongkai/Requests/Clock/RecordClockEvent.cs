using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;

namespace Gongkai.Requests.Clock;

/// <summary>What a handler records on the clock (补正, consultation, extension, fee, Art. 35 delay, closure).</summary>
/// <remarks>An extension names no approver: the approver is the staff member who records it (<see cref="RequestAccess.ExtensionApprovers"/>).</remarks>
public sealed class ClockEventInput
{
    public ClockEventKind? Kind { get; set; }
    public DateOnly? On { get; set; }
    public DateOnly? Until { get; set; }
    public int? WorkingDays { get; set; }
    public string? Party { get; set; }
    public RequestOutcome? Outcome { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// Records one event on a request's clock after <see cref="ClockRules"/> allow it, recomputes the due date and the stage,
/// and writes the audit event in the same unit of work. Refused input changes nothing.
/// </summary>
public sealed class RecordClockEvent(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, CalendarStore calendars, Notices.ApplicantNotices notices,
    TimeProvider clock)
{
    public async Task<ClockState> HandleAsync(DisclosureRequest request, ClockEventInput input, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(request.OrganId, RequestAccess.Handlers, "办理", RequestAccess.Records);
        var kind = input.Kind is { } k && Enum.IsDefined(k) ? k : throw new ValidationFailure("请选择办理事项。", "Kind");
        InputDates.Check(input.On, "On", "办理日期");
        InputDates.Check(input.Until, "Until", "期限");
        string? approvedBy = null;
        if (kind == ClockEventKind.ExtensionApproved)
        {
            // Art. 33: the head of the openness office approves; the approver records it under their own account.
            role = await access.RoleForAsync(request.OrganId, RequestAccess.ExtensionApprovers)
                ?? throw new ForbiddenAction("延长答复期限须经政府信息公开工作机构负责人同意：请由本单位部门管理员或政务公开办在系统中批准并登记延期（登记人即批准人）。");
            approvedBy = InputText.OrNull(actor.Name, 100, "内容不能超过100个字。");
        }

        var today = ChineseDates.Today(clock);
        var entry = new ClockEntry(kind, input.On ?? today, input.Until, input.WorkingDays, InputText.OrNull(input.Party, 500, "内容不能超过500个字。"), approvedBy);
        var calendar = await calendars.GetAsync(ct);
        var receipt = request.Receipt();
        var existing = request.ClockEntries();
        ClockState before;
        try
        {
            // The clock on the event's date decides, not today's: a lapse closes as it stood on the closing day.
            before = ClockRules.Check(calendar, receipt, existing, entry, today);
        }
        catch (CalendarRangeException e)
        {
            throw new ValidationFailure(e.Message, "On");
        }

        RequestOutcome? outcome = null;
        if (kind == ClockEventKind.Closed)
        {
            // A reply closes through proposal, review and delivery (Handling/); here only a lapse closes (其他处理-1/-2).
            outcome = before.LapsedAs ?? throw new ValidationFailure("答复申请须经拟办、审核和送达后办结；此处只能办结逾期未补正或未缴费的申请。", "Kind");
        }

        var recorded = new RequestClockEvent
        {
            Kind = kind,
            On = entry.On,
            Until = entry.Until,
            WorkingDays = entry.WorkingDays,
            Party = entry.Party,
            ApprovedBy = entry.ApprovedBy,
            Outcome = outcome,
            Note = InputText.OrNull(input.Note, 1000, "内容不能超过1000个字。"),
            RecordedAt = clock.GetUtcNow(),
            RecordedById = actor.UserId,
            RecordedByName = actor.Name,
        };
        var at = new ClockNow(calendar, today, clock.GetUtcNow());
        var state = outcome is null ? request.Append(recorded, at) : request.Close(recorded, at);
        db.RequestClockEvents.Add(recorded);
        audit.Record(RequestAuditActions.Clock(kind), "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}：{ChineseDates.Long(entry.On)}{kind.Label()}{(outcome is { } x ? "，" + x.Label() : "")}"
            + (approvedBy is null ? "" : $"（{approvedBy}以{role.Label()}身份批准，{entry.WorkingDays}个工作日）") + "；"
            + $"答复期限{RequestClock.DueText(state)}", request.OrganId, role);
        // 补正, extension and fee notices tell the applicant, in the same unit of work.
        await notices.ClockEventAsync(request, recorded, state, ct);
        await db.SaveChangesAsync(ct);
        return state;
    }
}
