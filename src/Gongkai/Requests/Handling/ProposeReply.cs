using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Requests.Clock;

namespace Gongkai.Requests.Handling;

/// <summary>
/// 拟办: the handler proposes the reply — one outcome with what it must state (<see cref="ReplyRules"/>) — and the case
/// waits for review. Only while the clock runs: not while waiting for a correction, a consultation answer or a fee.
/// </summary>
public sealed class ProposeReply(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, RequestClock clocks, PublishedDocuments documents)
{
    public async Task<ClockState> HandleAsync(DisclosureRequest request, ReplyInput input, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(request.OrganId, RequestAccess.Handlers, "拟办", RequestAccess.Records);
        HandlingGuards.NotClosed(request);
        HandlingGuards.NoReplyPending(request, "重新拟办");
        var reply = ReplyRules.Validate(input);
        var before = await clocks.StateAsync(request, ct);
        switch (before.Phase)
        {
            case ClockPhase.AwaitingCorrection:
                throw new ValidationFailure("正在等待申请人补正，收到补正后才能拟办答复。");
            case ClockPhase.Consultation:
                throw new ValidationFailure("征求意见尚未答复，收到意见（或意见期限届满）后才能拟办答复。");
            case ClockPhase.AwaitingFee:
                throw new ValidationFailure("正在等待申请人缴纳信息处理费，缴费后才能拟办答复。");
            case ClockPhase.Lapsed:
                throw new ValidationFailure($"申请人已视为放弃申请（{before.LapsedAs?.Label()}），无需答复。");
        }

        if (reply.Outcome == RequestOutcome.StillUnclear && !request.Events.Any(e => e.Kind == ClockEventKind.CorrectionReceived))
        {
            throw new ValidationFailure("“补正后申请内容仍不明确”只适用于已经补正的申请。", "Outcome");
        }

        string? document = null;
        if (reply.PublishedDocumentId is { } docId)
        {
            var link = await documents.FindAsync(docId, ct) ?? throw new ValidationFailure("关联的信息不存在或尚未主动公开。", "PublishedDocumentId");
            document = $"，已主动公开：{link.Title}";
        }

        var state = request.ProposeReply(reply, actor.UserId, actor.Name, await clocks.NowAsync(ct));
        audit.Record(RequestAuditActions.ReplyPropose, "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}拟办：{reply.Outcome.Label()}{(reply.LegalGround is { } g ? "，依据" + g : "")}"
            + $"{(reply.ResponsibleOrgan is { } r ? "，负责机关" + r : "")}{document}", request.OrganId, role);
        await db.SaveChangesAsync(ct);
        return state;
    }
}
