using Gongkai.Platform.Audit;

namespace Gongkai.Reports;

/// <summary>年度报告's audit events (docs/ARCHITECTURE.md §The audit rule). Names are stored: never change one.</summary>
public static class ReportAuditActions
{
    public static readonly AuditAction Saved = new("report.saved", "保存年度报告");
    public static readonly AuditAction Checked = new("report.checked", "核对年度报告");
    public static readonly AuditAction Published = new("report.published", "发布年度报告");
    public static readonly AuditAction Corrected = new("report.corrected", "更正年度报告");
    public static readonly AuditAction Imported = new("report.imported", "导入年度报告数据");
    public static readonly AuditAction Reminders = new("report.reminders", "年度报告发布提醒");
}
