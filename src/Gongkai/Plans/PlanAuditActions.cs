using Gongkai.Platform.Audit;

namespace Gongkai.Plans;

/// <summary>工作要点's audit events (docs/ARCHITECTURE.md §The audit rule). Names are stored: never change one.</summary>
public static class PlanAuditActions
{
    public static readonly AuditAction Import = new("plan.import", "导入工作要点");
    public static readonly AuditAction Reimport = new("plan.reimport", "重新导入工作要点");
    public static readonly AuditAction UnitMap = new("plan.unit-map", "对应承办单位");
    public static readonly AuditAction Progress = new("plan.progress", "报送任务进展");
    public static readonly AuditAction Confirm = new("plan.confirm", "确认任务完成");
    public static readonly AuditAction Comment = new("plan.comment", "督办任务");
    public static readonly AuditAction ProgressPublic = new("plan.progress-public", "公开任务进展");
    public static readonly AuditAction ProgressPrivate = new("plan.progress-private", "不公开任务进展");
    public static readonly AuditAction Public = new("plan.public", "公开工作要点");
    public static readonly AuditAction Private = new("plan.private", "不公开工作要点");
    public static readonly AuditAction Remind = new("plan.remind", "工作要点任务提醒");
}
