using Gongkai.Platform.Audit;
using Gongkai.Requests.Clock;

namespace Gongkai.Requests;

/// <summary>依申请公开's audit events (docs/ARCHITECTURE.md §The audit rule). Names are stored: never change one.</summary>
public static class RequestAuditActions
{
    public static readonly AuditAction File = new("request.file", "提交申请");
    public static readonly AuditAction Register = new("request.register", "登记申请");
    public static readonly AuditAction Assign = new("request.assign", "分办申请");
    public static readonly AuditAction Transfer = new("request.transfer", "转办申请（转出）");
    public static readonly AuditAction TransferIn = new("request.transfer.in", "转办申请（转入）");
    public static readonly AuditAction ReplyPropose = new("request.reply.propose", "拟办答复");
    public static readonly AuditAction ReplyApprove = new("request.reply.approve", "拟办审核通过");
    public static readonly AuditAction ReplyReturn = new("request.reply.return", "拟办被退回");
    public static readonly AuditAction Deliver = new("request.deliver", "送达答复并办结");
    public static readonly AuditAction ApplicantView = new("request.applicant.view", "查看申请人身份证明和联系方式", AuditKind.Access);
    public static readonly AuditAction LetterDownload = new("request.letter.download", "下载文书", AuditKind.Access);
    public static readonly AuditAction SentLetterView = new("request.letter.sent.view", "查看存档文书", AuditKind.Access);
    public static readonly AuditAction ApplicantLetterDownload = new("request.letter.applicant.download", "申请人下载答复书", AuditKind.Access);
    public static readonly AuditAction ReleasedFileAdd = new("request.release.file.add", "上传公开的政府信息文件");
    public static readonly AuditAction ReleasedFileRemove = new("request.release.file.remove", "删除公开的政府信息文件");
    public static readonly AuditAction ApplicantReleasedFileDownload = new("request.release.file.applicant.download", "申请人下载公开的政府信息文件", AuditKind.Access);
    public static readonly AuditAction SentLetterRender = new("request.letter.sent.render", "生成存档文书PDF");
    public static readonly AuditAction LetterTemplateSave = new("letter.template.save", "保存文书模板");
    public static readonly AuditAction AppealFile = new("request.appeal.file", "登记复议或诉讼");
    public static readonly AuditAction AppealDecide = new("request.appeal.decide", "登记复议或诉讼结果");
    public static readonly AuditAction Reopen = new("request.reopen", "纠正后重新办理");
    public static readonly AuditAction DueFinal = new("request.due.final", "确定暂定的答复期限");
    public static readonly AuditAction CloseLapsed = new("request.close.lapsed", "每日巡检办结");

    public static readonly AuditAction CorrectionRequested = new("request.clock.correctionrequested", "办理：发出补正通知");
    public static readonly AuditAction CorrectionReceived = new("request.clock.correctionreceived", "办理：收到补正");
    public static readonly AuditAction ThirdPartyConsulted = new("request.clock.thirdpartyconsulted", "办理：征求第三方意见");
    public static readonly AuditAction OrganConsulted = new("request.clock.organconsulted", "办理：征求其他机关意见");
    public static readonly AuditAction ConsultationAnswered = new("request.clock.consultationanswered", "办理：收到征求意见答复");
    public static readonly AuditAction ExtensionApproved = new("request.clock.extensionapproved", "办理：延长答复期限");
    public static readonly AuditAction FeeNoticeIssued = new("request.clock.feenoticeissued", "办理：发出收费通知");
    public static readonly AuditAction FeePaid = new("request.clock.feepaid", "办理：收到信息处理费");
    public static readonly AuditAction DelayedDeadlineSet = new("request.clock.delayeddeadlineset", "办理：确定延迟答复期限");
    public static readonly AuditAction ClockClosed = new("request.clock.closed", "办理：逾期未补正或未缴费办结");

    /// <summary>The event recording <paramref name="kind"/> on a request's clock (重新办理 is recorded only by the appeal).</summary>
    public static AuditAction Clock(ClockEventKind kind) => kind switch
    {
        ClockEventKind.CorrectionRequested => CorrectionRequested,
        ClockEventKind.CorrectionReceived => CorrectionReceived,
        ClockEventKind.ThirdPartyConsulted => ThirdPartyConsulted,
        ClockEventKind.OrganConsulted => OrganConsulted,
        ClockEventKind.ConsultationAnswered => ConsultationAnswered,
        ClockEventKind.ExtensionApproved => ExtensionApproved,
        ClockEventKind.FeeNoticeIssued => FeeNoticeIssued,
        ClockEventKind.FeePaid => FeePaid,
        ClockEventKind.DelayedDeadlineSet => DelayedDeadlineSet,
        ClockEventKind.Closed => ClockClosed,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "该办理事项没有审计事件。"),
    };
}
