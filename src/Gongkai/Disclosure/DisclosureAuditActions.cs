using Gongkai.Platform.Audit;

namespace Gongkai.Disclosure;

/// <summary>主动公开's audit events (docs/ARCHITECTURE.md §The audit rule). Names are stored: never change one.</summary>
public static class DisclosureAuditActions
{
    public static readonly AuditAction DocumentCreate = new("document.create", "起草信息");
    public static readonly AuditAction DocumentUpdate = new("document.update", "修改信息草稿");
    public static readonly AuditAction AttachmentAdd = new("document.attachment.add", "上传附件");
    public static readonly AuditAction Submit = new("document.submit", "提交审核");
    public static readonly AuditAction FindingMask = new("document.finding.mask", "个人信息脱敏");
    public static readonly AuditAction FindingConfirm = new("document.finding.confirm", "确认个人信息可以公开");
    public static readonly AuditAction ReviewApprove = new("document.review.approve", "保密审查通过");
    public static readonly AuditAction ReviewReturn = new("document.review.return", "审核退回");
    public static readonly AuditAction Schedule = new("document.schedule", "定时发布");
    public static readonly AuditAction ScheduleFailed = new("document.schedule.failed", "定时发布未执行");
    public static readonly AuditAction Publish = new("document.publish", "发布信息");
    public static readonly AuditAction Revise = new("document.revise", "修订已发布信息");
    public static readonly AuditAction Validity = new("document.validity", "变更信息有效性");
    public static readonly AuditAction Withdraw = new("document.withdraw", "撤回信息");
    public static readonly AuditAction English = new("document.english", "编辑英文标题和摘要");
    public static readonly AuditAction DemoGenerate = new("document.demo.generate", "生成演示信息");
    public static readonly AuditAction GuideCreate = new("guide.create", "发布公开指南");
    public static readonly AuditAction GuideUpdate = new("guide.update", "修改公开指南");
}
