using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Staff;

/// <summary>
/// Who may manage which staff. A system administrator manages everyone. A department administrator sees the
/// staff of their own organ (and its sub-organs) and may grant only organ-scoped roles below system administrator
/// and openness office within that scope. An account is managed (seen, edited, reset, disabled, unlocked, its roles
/// changed) only by someone who could grant <b>every</b> role it holds: otherwise taking over the account would
/// hand the actor roles they could never grant themselves.
/// </summary>
public sealed class StaffAdministration(StaffAccess access, Data.GongkaiDb db)
{
    public static readonly StaffRole[] Managers = [StaffRole.SystemAdministrator, StaffRole.DepartmentAdministrator];

    public async Task<OrganScope> ScopeAsync()
    {
        if (await access.HasAnyAsync(StaffRole.SystemAdministrator))
        {
            return new OrganScope(true, new HashSet<Guid>());
        }

        return await access.ScopeAsync(StaffRole.DepartmentAdministrator);
    }

    /// <summary>
    /// The one rule for "may this actor manage this account": outside the actor's organ scope the account is
    /// <see cref="StaffVerdict.Hidden"/> (answer 404); inside it but holding a role the actor could not grant it is
    /// <see cref="StaffVerdict.Forbidden"/> (answer 403, change nothing).
    /// </summary>
    public async Task<StaffVerdict> JudgeAsync(StaffUser user, CancellationToken ct = default)
    {
        var scope = await ScopeAsync();
        if (!scope.Covers(user.OrganId))
        {
            return StaffVerdict.Hidden;
        }

        var held = scope.All ? [] : await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == user.Id).ToListAsync(ct);
        return Judge(scope, user.OrganId, held);
    }

    /// <summary>The rule itself, for a list already loaded: organ in scope, and every held role one the actor could grant.</summary>
    public static StaffVerdict Judge(OrganScope scope, Guid? accountOrgan, IEnumerable<RoleAssignment> held) =>
        !scope.Covers(accountOrgan) ? StaffVerdict.Hidden
        : held.All(r => MayGrant(new RoleGrant(r.Role, r.OrganId), scope)) ? StaffVerdict.Allowed
        : StaffVerdict.Forbidden;

    /// <summary>Throws <see cref="StaffNotFound"/> (404) or <see cref="ForbiddenAction"/> (403) unless the account may be managed.</summary>
    public async Task EnsureMayManageAsync(StaffUser user, CancellationToken ct = default)
    {
        switch (await JudgeAsync(user, ct))
        {
            case StaffVerdict.Hidden:
                throw new StaffNotFound();
            case StaffVerdict.Forbidden:
                throw new ForbiddenAction(RefusalMessage(user));
        }
    }

    public static string RefusalMessage(StaffUser user) =>
        $"账号 {user.UserName} 持有您无权授予的角色（如系统管理员、政务公开办、全区或其他单位的角色），只能由系统管理员管理；账号未作任何修改。";

    public async Task<StaffRole> ActingRoleAsync() =>
        await access.HasAnyAsync(StaffRole.SystemAdministrator) ? StaffRole.SystemAdministrator : StaffRole.DepartmentAdministrator;

    /// <summary>Throws a clerk-readable message when a grant is beyond the current user's reach.</summary>
    public async Task EnsureMayGrantAsync(IEnumerable<RoleGrant> grants)
    {
        var scope = await ScopeAsync();
        if (scope.All)
        {
            return;
        }

        foreach (var g in grants)
        {
            if (!MayGrant(g, scope))
            {
                throw new ValidationFailure($"部门管理员只能在本单位范围内授予角色，不能授予“{g.Role.Label()}”（{(g.OrganId is null ? "全区" : "其他单位")}）。", "Roles");
            }
        }
    }

    /// <summary>What a department administrator with this scope may grant: an organ-scoped role below 系统管理员 and 政务公开办, inside the scope.</summary>
    private static bool MayGrant(RoleGrant grant, OrganScope scope) =>
        scope.All || (grant.Role is not (StaffRole.SystemAdministrator or StaffRole.OpennessOffice) && grant.OrganId is not null && scope.Covers(grant.OrganId));
}

public enum StaffVerdict
{
    Allowed,
    /// <summary>Outside the actor's organ scope: the account is not found (404).</summary>
    Hidden,
    /// <summary>Inside the scope, but holding a role beyond the actor (403).</summary>
    Forbidden,
}

/// <summary>The account does not exist or is outside the actor's scope: 404, the same answer for both.</summary>
public sealed class StaffNotFound() : Exception("未找到该账号。");
