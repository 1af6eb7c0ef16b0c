using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using Gongkai.Requests.Letters;

namespace Gongkai.Requests.Handling;

/// <summary>
/// 送达: the reviewed reply reached the applicant (method and date); the request closes with the reviewed outcome, on the
/// delivery day, and the clock says whether it was in time. The reply letter is kept as sent (发文存档), dated the day the
/// reply was approved.
/// </summary>
public sealed class DeliverReply(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, CalendarStore calendars, ProduceLetter letters,
    Notices.ApplicantNotices notices, TimeProvider clock)
{
    public async Task<ClockState> HandleAsync(DisclosureRequest request, DeliveryMethod? method, DateOnly? on, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(request.OrganId, RequestAccess.Handlers, "送达", RequestAccess.Records);
        HandlingGuards.NotClosed(request);
        if (request.ProposedOutcome is not { } outcome || request.ReviewedOn is not { } reviewed)
        {
            throw new ValidationFailure("答复须经审核通过后才能送达。");
        }

        var how = method is { } m && Enum.IsDefined(m) ? m : throw new ValidationFailure("请选择送达方式。", "Method");
        var today = ChineseDates.Today(clock);
        var day = on ?? today;
        if (day < reviewed)
        {
            throw new ValidationFailure($"送达日期不能早于审核通过之日（{ChineseDates.Long(reviewed)}）。", "On");
        }

        var calendar = await calendars.GetAsync(ct);
        var receipt = request.Receipt();
        var existing = request.ClockEntries();
        var entry = new ClockEntry(ClockEventKind.Closed, day);
        try
        {
            ClockRules.Check(calendar, receipt, existing, entry, today);
        }
        catch (CalendarRangeException e)
        {
            throw new ValidationFailure(e.Message, "On");
        }

        var sent = await letters.ArchiveReplyAsync(request, outcome, reviewed, how, day, ct);
        db.SentLetters.Add(sent);
        var recorded = new RequestClockEvent
        {
            Kind = ClockEventKind.Closed,
            On = day,
            Outcome = outcome,
            Note = $"答复以{how.Label()}方式送达，{sent.Title}已存档",
            RecordedAt = clock.GetUtcNow(),
            RecordedById = actor.UserId,
            RecordedByName = actor.Name,
        };
        var state = request.DeliverReply(how, recorded, new ClockNow(calendar, today, clock.GetUtcNow()));
        db.RequestClockEvents.Add(recorded);
        audit.Record(RequestAuditActions.Deliver, "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}答复（{outcome.Label()}）于{ChineseDates.Long(day)}以{how.Label()}方式送达，办结；"
            + (state.DueOn is { } due ? $"答复期限{ChineseDates.Long(due)}，{(state.Timeliness == Timeliness.Overdue ? "逾期" : "按期")}办结" : $"答复期限{RequestClock.DueText(state)}")
            + $"；{sent.Title}（模板第{sent.TemplateVersion}版，{(sent.Sha256 is { } sha ? $"SHA-256 {sha[..12]}" : "PDF未能生成，已存文书内容，查看时生成")}）存档",
            request.OrganId, role);
        // 答复已送达: the applicant can download the letter from the tracking page.
        await notices.ReplyDeliveredAsync(request, day, how.Label(), ct);
        await db.SaveChangesAsync(ct);
        return state;
    }
}
