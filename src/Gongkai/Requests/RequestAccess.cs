using Gongkai.Platform.Staff;

namespace Gongkai.Requests;

/// <summary>
/// Who may do what to requests, each within the organ scope: a request is visible only to its organ's handlers and
/// the district office (docs/DESIGN.md §5, issue 4 “Security”); another organ's request is not found (404).
/// </summary>
public static class RequestAccess
{
    public static readonly StaffRole[] Handlers = [StaffRole.RequestHandler, StaffRole.DepartmentAdministrator, StaffRole.OpennessOffice, StaffRole.SystemAdministrator];

    /// <summary>Who may approve a proposed reply (审核): the organ's reviewer or administrator, or the district office; never its proposer.</summary>
    public static readonly StaffRole[] Reviewers = [StaffRole.Reviewer, StaffRole.DepartmentAdministrator, StaffRole.OpennessOffice, StaffRole.SystemAdministrator];

    /// <summary>
    /// Who may approve an extension (Art. 33: 经政府信息公开工作机构负责人同意): the organ's department administrator or the
    /// district openness office. The approver records the extension under their own account, so the approval is the
    /// recorded, audited act of an identified person rather than a name typed by someone else.
    /// </summary>
    public static readonly StaffRole[] ExtensionApprovers = [StaffRole.DepartmentAdministrator, StaffRole.OpennessOffice];

    /// <summary>Who sees the organ's requests: its handlers and its reviewers.</summary>
    public static readonly StaffRole[] Viewers = [.. Handlers, StaffRole.Reviewer];

    /// <summary>What these records are called in a refusal: “您没有…本单位政府信息公开申请的权限” (<see cref="StaffAccess.RequireAsync"/>).</summary>
    public const string Records = "政府信息公开申请";
}
