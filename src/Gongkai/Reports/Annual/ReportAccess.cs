using Gongkai.Platform.Staff;

namespace Gongkai.Reports.Annual;

/// <summary>Who may see and edit an organ's annual report: its administrators and the district office.</summary>
public static class ReportAccess
{
    public static readonly StaffRole[] Editors = [StaffRole.DepartmentAdministrator, StaffRole.OpennessOffice, StaffRole.SystemAdministrator];

    /// <summary>Editors, and the request staff and evaluators who read it.</summary>
    public static readonly StaffRole[] Viewers = [.. Editors, StaffRole.RequestHandler, StaffRole.Reviewer, StaffRole.Evaluator];
}
