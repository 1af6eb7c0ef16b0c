using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Requests.Clock;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Handling;

/// <summary>
/// 转办: moves a request to another organ of the platform that is responsible for the information, with a record. The
/// request keeps its tracking number and its receipt date, so the applicant's clock does not start again (the Regulation
/// gives no new period for a transfer; the applicant must not lose time to the platform's routing). The receiving organ
/// registers and assigns it afresh. When the responsible organ is outside the platform, reply “不属于本机关” instead.
/// </summary>
public sealed class TransferRequest(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, RequestClock clocks, TimeProvider clock)
{
    public async Task<ClockState> HandleAsync(DisclosureRequest request, Guid? toOrganId, string? reason, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(request.OrganId, RequestAccess.Handlers, "转办", RequestAccess.Records);
        HandlingGuards.NotClosed(request);
        HandlingGuards.NoReplyPending(request, "转办");
        var target = toOrganId ?? throw new ValidationFailure("请选择转办的机关。", "ToOrganId");
        if (target == request.OrganId)
        {
            throw new ValidationFailure("不能转办给本机关。", "ToOrganId");
        }

        var organ = await db.Organs.AsNoTracking().Where(o => o.Id == target).Select(o => new { o.ShortName, o.ReceivesRequests, o.IsActive }).FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailure("转办的机关不存在。", "ToOrganId");
        if (!organ.ReceivesRequests || !organ.IsActive)
        {
            throw new ValidationFailure($"{organ.ShortName}不受理政府信息公开申请，不能转办。", "ToOrganId");
        }

        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            throw new ValidationFailure("请说明转办理由。", "Reason");
        }

        if (why.Length > 1000)
        {
            throw new ValidationFailure("转办理由不能超过1000个字。", "Reason");
        }

        var from = request.OrganId;
        var fromName = await db.Organs.Where(o => o.Id == from).Select(o => o.ShortName).SingleAsync(ct);
        db.RequestTransfers.Add(new RequestTransfer
        {
            RequestId = request.Id,
            FromOrganId = from,
            ToOrganId = target,
            On = ChineseDates.Today(clock),
            Reason = why,
            ById = actor.UserId,
            ByName = actor.Name,
            At = clock.GetUtcNow(),
        });
        var state = request.TransferTo(target, await clocks.NowAsync(ct));
        var summary = $"申请{request.TrackingNumber}由{fromName}转办至{organ.ShortName}：{why}";
        audit.Record(RequestAuditActions.Transfer, "DisclosureRequest", request.Id.ToString(), summary, from, role);
        audit.Record(RequestAuditActions.TransferIn, "DisclosureRequest", request.Id.ToString(), summary, target, role);
        await db.SaveChangesAsync(ct);
        return state;
    }
}
