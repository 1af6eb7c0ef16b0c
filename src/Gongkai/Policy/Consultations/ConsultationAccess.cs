using Gongkai.Platform.Staff;

namespace Gongkai.Policy.Consultations;

/// <summary>Which roles may do what to consultations, each within its organ scope (another organ's consultation is 404).</summary>
public static class ConsultationAccess
{
    /// <summary>Draft, enter comments from letters and meetings, moderate and answer.</summary>
    public static readonly StaffRole[] Editors = [StaffRole.Editor, StaffRole.Reviewer, StaffRole.DepartmentAdministrator, StaffRole.OpennessOffice, StaffRole.SystemAdministrator];
    /// <summary>Announce the consultation and publish its feedback report.</summary>
    public static readonly StaffRole[] Publishers = [StaffRole.Reviewer, StaffRole.DepartmentAdministrator, StaffRole.OpennessOffice, StaffRole.SystemAdministrator];
    public static readonly StaffRole[] Viewers = [.. Editors, StaffRole.Evaluator];

    /// <summary>What these records are called in a refusal: “您没有…本单位意见征集的权限” (<see cref="StaffAccess.RequireAsync"/>).</summary>
    public const string Records = "意见征集";
}
