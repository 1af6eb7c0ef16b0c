namespace Gongkai.Platform.Staff;

/// <summary>
/// Who may manage which staff: a system administrator manages everyone; a department administrator
/// manages the staff of their own organ (and its sub-organs) and may grant only organ-scoped roles
/// below system administrator and openness office.
/// </summary>
public sealed class StaffAdministration(StaffAccess access)
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

    /// <summary>Whether the current user may see and manage this staff member; callers answer 404 when not.</summary>
    public async Task<bool> CanManageAsync(StaffUser user) => (await ScopeAsync()).Covers(user.OrganId);

    public async Task<StaffRole> ActingRoleAsync() =>
        await access.HasAnyAsync(StaffRole.SystemAdministrator) ? StaffRole.SystemAdministrator : StaffRole.DepartmentAdministrator;

    /// <summary>Throws a clerk-readable message when a grant is beyond the current user's reach.</summary>
    public async Task EnsureMayGrantAsync(IEnumerable<RoleGrant> grants)
    {
        if (await access.HasAnyAsync(StaffRole.SystemAdministrator))
        {
            return;
        }

        var scope = await access.ScopeAsync(StaffRole.DepartmentAdministrator);
        foreach (var g in grants)
        {
            if (g.Role is StaffRole.SystemAdministrator or StaffRole.OpennessOffice || g.OrganId is null || !scope.Covers(g.OrganId))
            {
                throw new ValidationFailure($"部门管理员只能在本单位范围内授予角色，不能授予“{g.Role.Label()}”（{(g.OrganId is null ? "全区" : "其他单位")}）。", "Roles");
            }
        }
    }
}
