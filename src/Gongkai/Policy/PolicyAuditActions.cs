using Gongkai.Platform.Audit;

namespace Gongkai.Policy;

/// <summary>政策's audit events: consultations, interpretations, evaluations (docs/ARCHITECTURE.md §The audit rule). Names are stored: never change one.</summary>
public static class PolicyAuditActions
{
    public static readonly AuditAction ConsultationCreate = new("consultation.create", "发起征求意见");
    public static readonly AuditAction ConsultationUpdate = new("consultation.update", "修改征求意见");
    public static readonly AuditAction ConsultationVersion = new("consultation.version", "发布新版征求意见稿");
    public static readonly AuditAction ConsultationBasis = new("consultation.basis", "关联征求意见依据文件");
    public static readonly AuditAction ConsultationAnnounce = new("consultation.announce", "发布征求意见");
    public static readonly AuditAction ConsultationDecision = new("consultation.decision", "关联最终决策文件");
    public static readonly AuditAction CommentEnter = new("consultation.comment.enter", "录入意见");
    public static readonly AuditAction CommentPublish = new("consultation.comment.publish", "审核公开意见");
    public static readonly AuditAction CommentHide = new("consultation.comment.hide", "意见不予公开");
    public static readonly AuditAction CommentAnswer = new("consultation.comment.answer", "答复意见");
    public static readonly AuditAction CommentGroup = new("consultation.comment.group", "意见归组");
    public static readonly AuditAction AnswerTemplateCreate = new("consultation.template.create", "新增答复模板");
    public static readonly AuditAction FeedbackPublish = new("consultation.feedback.publish", "公布意见采纳情况");

    public static readonly AuditAction InterpretationCreate = new("interpretation.create", "起草政策解读");
    public static readonly AuditAction InterpretationUpdate = new("interpretation.update", "修改政策解读");
    public static readonly AuditAction InterpretationPublish = new("interpretation.publish", "发布政策解读");
    public static readonly AuditAction InterpretationWithdraw = new("interpretation.withdraw", "撤回政策解读");
    public static readonly AuditAction InterpretationFlag = new("interpretation.flag", "标记需要同步解读");
    public static readonly AuditAction InterpretationWaive = new("interpretation.waive", "记录不同步解读的理由");
    public static readonly AuditAction InterpretationAssetAdd = new("interpretation.asset.add", "上传政策解读图片或附件");

    public static readonly AuditAction EvaluationPublish = new("policy.evaluation.publish", "发布政策评价");
    public static readonly AuditAction EvaluationWithdraw = new("policy.evaluation.withdraw", "撤回政策评价");
}
