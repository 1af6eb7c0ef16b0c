using Gongkai.Platform.Staff;

namespace Gongkai.Disclosure.Documents;

/// <summary>Which roles may do what to documents; each within its organ scope (another organ's document is 404).</summary>
public static class DocumentAccess
{
    public static readonly StaffRole[] Editors = [StaffRole.Editor, StaffRole.DepartmentAdministrator, StaffRole.OpennessOffice, StaffRole.SystemAdministrator];
    public static readonly StaffRole[] Reviewers = [StaffRole.Reviewer, StaffRole.OpennessOffice, StaffRole.SystemAdministrator];
    public static readonly StaffRole[] Publishers = [StaffRole.Reviewer, StaffRole.DepartmentAdministrator, StaffRole.OpennessOffice, StaffRole.SystemAdministrator];
    public static readonly StaffRole[] Viewers = [.. Editors, StaffRole.Reviewer, StaffRole.Evaluator];

    /// <summary>What these records are called in a refusal: “您没有…本单位信息的权限” (<see cref="StaffAccess.RequireAsync"/>).</summary>
    public const string Records = "信息";
}
