using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Gongkai.Requests.Clock;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Handling;

/// <summary>
/// 分办: assigns the request to a handler (承办人) — a staff member who may handle the organ's requests. Assigning an
/// unregistered online request registers it too. Reassigning is allowed until the reply is proposed.
/// </summary>
public sealed class AssignHandler(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, RequestClock clocks)
{
    public async Task<ClockState> HandleAsync(DisclosureRequest request, string? userName, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(request.OrganId, RequestAccess.Handlers, "分办", RequestAccess.Records);
        HandlingGuards.NotClosed(request);
        HandlingGuards.NoReplyPending(request, "改派承办人");
        var name = userName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new ValidationFailure("请选择承办人。", "UserName");
        }

        var user = await db.Users.AsNoTracking().Where(u => u.UserName == name).Select(u => new { u.Id, u.UserName, u.DisplayName, u.IsDisabled }).FirstOrDefaultAsync(ct);
        if (user is null || user.IsDisabled)
        {
            throw new ValidationFailure($"没有名为“{name}”的在职工作人员。", "UserName");
        }

        if (!await CanHandleAsync(user.Id, request.OrganId, ct))
        {
            throw new ValidationFailure($"{user.DisplayName}没有办理本单位政府信息公开申请的权限，不能作为承办人。", "UserName");
        }

        if (user.Id == request.AssignedToId)
        {
            throw new ValidationFailure($"该申请已由{user.DisplayName}承办。", "UserName");
        }

        var before = request.AssignedToName;
        var state = request.Assign(user.Id, $"{user.DisplayName}（{user.UserName}）", actor.UserId, await clocks.NowAsync(ct));
        audit.Record(RequestAuditActions.Assign, "DisclosureRequest", request.Id.ToString(),
            $"申请{request.TrackingNumber}{(before is null ? "分办给" : $"由{before}改派给")}{request.AssignedToName}", request.OrganId, role);
        await db.SaveChangesAsync(ct);
        return state;
    }

    /// <summary>Whether the user holds a handling role on the organ or one of its parents, or district-wide.</summary>
    private async Task<bool> CanHandleAsync(string userId, Guid organId, CancellationToken ct)
    {
        var roles = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == userId && RequestAccess.Handlers.Contains(a.Role)).ToListAsync(ct);
        if (roles.Any(a => a.IsDistrictWide))
        {
            return true;
        }

        return (await OrganTree.LoadAsync(db, ct)).SelfAndAncestors(organId).Any(c => roles.Any(a => a.OrganId == c));
    }
}
