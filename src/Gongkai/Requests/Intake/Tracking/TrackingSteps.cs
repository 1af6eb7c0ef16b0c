using Gongkai.Platform;
using Gongkai.Requests.Clock;

namespace Gongkai.Requests.Intake.Tracking;

/// <summary>One step of a request as the applicant reads it: the day, what happened, and what it means for the due date.</summary>
public sealed record TrackingStep(DateOnly On, string What, string? Detail, bool Current = false);

/// <summary>A reply letter kept as sent, as the applicant sees it.</summary>
public sealed record TrackedLetter(Guid Id, string Title, DateOnly LetterDate, DateOnly DeliveredOn, long Size);

/// <summary>
/// The request's real history for its applicant (办理进程): receipt, registration, then each recorded clock event in the
/// order recorded, worded for the applicant (the consulted party's name, the approver and staff notes are not shown),
/// and the stage it is in now. Pure: from the stored request and its events only.
/// </summary>
public static class TrackingSteps
{
    public static IReadOnlyList<TrackingStep> Of(DisclosureRequest request)
    {
        var steps = new List<TrackingStep>
        {
            new(request.ReceivedOn, "收到申请", $"{request.Channel.Label()}，收到申请之日起算答复期限（条例第三十一条、第三十三条）"),
        };
        if (request.RegisteredOn is { } registered)
        {
            steps.Add(new(registered, "登记", "申请已登记，进入办理"));
        }

        foreach (var e in request.Events.OrderBy(e => e.Sequence))
        {
            steps.Add(e.Kind switch
            {
                ClockEventKind.CorrectionRequested => new(e.On, "发出补正通知",
                    (e.Until is { } u ? $"补正期限至{ChineseDates.Long(u)}；" : "") + "答复期限自收到补正之日起重新计算（条例第三十条）"),
                ClockEventKind.CorrectionReceived => new(e.On, "收到补正", "答复期限自本日起重新计算"),
                ClockEventKind.ThirdPartyConsulted or ClockEventKind.OrganConsulted => new(e.On, e.Kind.Label(), "征求意见所需时间不计算在答复期限内（条例第三十二条、第三十三条）"),
                ClockEventKind.ConsultationAnswered => new(e.On, "收到征求意见答复", "答复期限继续计算"),
                ClockEventKind.ExtensionApproved => new(e.On, "延长答复期限", $"经政府信息公开工作机构负责人同意，延长{e.WorkingDays}个工作日（条例第三十三条）"),
                ClockEventKind.FeeNoticeIssued => new(e.On, "发出收费通知", "自发出收费通知之日起至缴费之日止的期间不计算在答复期限内"),
                ClockEventKind.FeePaid => new(e.On, "信息处理费已缴纳", "答复期限继续计算"),
                ClockEventKind.DelayedDeadlineSet => new(e.On, "确定延迟答复期限", e.Until is { } d ? $"答复期限确定为{ChineseDates.Long(d)}（条例第三十五条）" : "（条例第三十五条）"),
                ClockEventKind.Closed when request.DeliveredOn == e.On && request.DeliveredBy is { } how && e.Outcome == request.Outcome =>
                    new(e.On, "答复送达，办结", $"以{how.Label()}方式送达；办理结果：{e.Outcome?.Label()}"),
                ClockEventKind.Closed => new(e.On, "办结", e.Outcome is { } o ? $"办理结果：{o.Label()}" : null),
                ClockEventKind.Reopened => new(e.On, "重新办理", "经行政复议或诉讼纠正，重新答复" + (e.Until is { } r ? $"，答复期限{ChineseDates.Long(r)}" : "")),
                _ => new(e.On, e.Kind.Label(), null),
            });
        }

        if (request.Stage != RequestStage.Closed)
        {
            steps.Add(new(request.CheckedOn ?? steps[^1].On, "当前：" + request.Stage.Label(), null, Current: true));
        }

        return steps;
    }
}

/// <summary>A file the reply released (公开的政府信息), as the applicant sees it.</summary>
public sealed record TrackedFile(Guid Id, string FileName, long Size);
