using Gongkai.Platform.Staff;

namespace Gongkai.Disclosure.Documents;

/// <summary>Which roles may do what to documents; each within its organ scope (another organ's document is 404).</summary>
public static class DocumentAccess
{
    public static readonly StaffRole[] Editors = [StaffRole.Editor, StaffRole.DepartmentAdministrator, StaffRole.OpennessOffice, StaffRole.SystemAdministrator];
    public static readonly StaffRole[] Reviewers = [StaffRole.Reviewer, StaffRole.OpennessOffice, StaffRole.SystemAdministrator];
    public static readonly StaffRole[] Publishers = [StaffRole.Reviewer, StaffRole.DepartmentAdministrator, StaffRole.OpennessOffice, StaffRole.SystemAdministrator];
    public static readonly StaffRole[] Viewers = [.. Editors, StaffRole.Reviewer, StaffRole.Evaluator];

    /// <summary>The role that allows the action on the organ, or a clerk-readable refusal.</summary>
    public static async Task<StaffRole> RequireAsync(StaffAccess access, Guid organId, StaffRole[] roles, string action)
    {
        return await access.RoleForAsync(organId, roles)
            ?? throw new Platform.ForbiddenAction($"您没有{action}本单位信息的权限（需要：{string.Join("、", roles.Select(r => r.Label()))}）。");
    }
}
