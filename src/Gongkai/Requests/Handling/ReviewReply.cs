using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Requests.Clock;

namespace Gongkai.Requests.Handling;

/// <summary>
/// 审核 (Art. 45: 登记、审核、办理、答复): a reviewer other than the proposer approves the proposed reply, which is then
/// ready to send, or returns it with an opinion to the handler.
/// </summary>
public sealed class ReviewReply(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, RequestClock clocks)
{
    public async Task<ClockState> HandleAsync(DisclosureRequest request, bool approve, string? opinion, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(request.OrganId, RequestAccess.Reviewers, "审核", RequestAccess.Records);
        HandlingGuards.NotClosed(request);
        if (request.ProposedOutcome is not { } outcome || request.ReviewedOn is not null)
        {
            throw new ValidationFailure(request.ReviewedOn is not null ? "答复已审核通过，待送达。" : "尚无待审核的拟办意见。");
        }

        if (request.ProposedById is not null && request.ProposedById == actor.UserId)
        {
            throw new ForbiddenAction("拟办人不能审核自己的拟办意见，请由其他审核人审核。");
        }

        var text = opinion?.Trim();
        if (text is { Length: > 1000 })
        {
            throw new ValidationFailure("审核意见不能超过1000个字。", "Opinion");
        }

        if (!approve && string.IsNullOrEmpty(text))
        {
            throw new ValidationFailure("退回时请写明审核意见。", "Opinion");
        }

        var at = await clocks.NowAsync(ct);
        var state = approve
            ? request.ApproveReply(actor.UserId, actor.Name, string.IsNullOrEmpty(text) ? "同意" : text, at)
            : request.ReturnReply(text!, at);
        audit.Record(approve ? RequestAuditActions.ReplyApprove : RequestAuditActions.ReplyReturn, "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}拟办“{outcome.Label()}”{(approve ? "审核通过" : "被退回")}：{request.ReviewOpinion}", request.OrganId, role);
        await db.SaveChangesAsync(ct);
        return state;
    }
}
