namespace Gongkai.Platform.Staff;

/// <summary>Roles of staff (docs/DESIGN.md §5). Each assignment is scoped to an organ or district-wide.</summary>
public enum StaffRole
{
    /// <summary>系统管理员</summary>
    SystemAdministrator = 1,
    /// <summary>政务公开办 (openness office)</summary>
    OpennessOffice = 2,
    /// <summary>部门管理员</summary>
    DepartmentAdministrator = 3,
    /// <summary>信息编辑</summary>
    Editor = 4,
    /// <summary>审核人（保密审查）</summary>
    Reviewer = 5,
    /// <summary>依申请公开办理人</summary>
    RequestHandler = 6,
    /// <summary>热线坐席</summary>
    HotlineAgent = 7,
    /// <summary>只读考评人员</summary>
    Evaluator = 8,
}

public static class StaffRoles
{
    public static IReadOnlyList<StaffRole> All { get; } = Enum.GetValues<StaffRole>();

    /// <summary>Chinese label; passes through the localizer at the page.</summary>
    public static string Label(this StaffRole role) => role switch
    {
        StaffRole.SystemAdministrator => "系统管理员",
        StaffRole.OpennessOffice => "政务公开办",
        StaffRole.DepartmentAdministrator => "部门管理员",
        StaffRole.Editor => "信息编辑",
        StaffRole.Reviewer => "审核人",
        StaffRole.RequestHandler => "依申请办理人",
        StaffRole.HotlineAgent => "热线坐席",
        StaffRole.Evaluator => "考评人员（只读）",
        _ => role.ToString(),
    };

    public static bool TryParse(string? value, out StaffRole role) =>
        Enum.TryParse(value, ignoreCase: true, out role) && Enum.IsDefined(role);
}
