using Gongkai.Platform;
using Gongkai.Platform.Calendar;

namespace Gongkai.Requests.Clock;

/// <summary>
/// Whether an event may be recorded on a request's clock. A refusal is a <see cref="ValidationFailure"/> with the
/// legal reason, thrown before anything changes: a 补正 notice after day 7 or a second one, an extension beyond 20
/// working days or without the approver, a date before receipt or in the future, an answer to no consultation, a lapse
/// closed before its period ended. Every rule is judged on the clock as it stood on the event's own date, never on the
/// day it is entered: a step entered late, within what the law allows, is accepted and gives the same due date as on
/// the day (a correction received on the last day of its period and entered a week later is timely).
/// </summary>
public static class ClockRules
{
    /// <returns>The clock as it stood on <paramref name="next"/>'s date, before the event (its <see cref="ClockState.LapsedAs"/> is how a lapse closes).</returns>
    public static ClockState Check(WorkingDayCalendar calendar, Receipt receipt, IReadOnlyList<ClockEntry> existing, ClockEntry next, DateOnly today)
    {
        var received = receipt.ReceivedOn;
        if (next.On < received)
        {
            throw new ValidationFailure($"日期不能早于收到申请之日（{D(received)}）。", "On");
        }

        if (next.On > today)
        {
            throw new ValidationFailure($"不能记录今天（{D(today)}）以后才发生的事项。", "On");
        }

        var last = existing.Count == 0 ? received : existing.Max(e => e.On);
        if (next.On < last)
        {
            throw new ValidationFailure($"事项须按发生顺序记录：{D(next.On)}早于上一事项的日期{D(last)}。", "On");
        }

        // The state on the event's date: what was open, paused or lapsed then, whatever has happened since.
        var state = ReplyDeadline.Compute(calendar, receipt, existing, next.On);
        if (state.Phase == ClockPhase.Closed)
        {
            throw new ValidationFailure("该申请已办结，不能再记录办理事项。");
        }

        if (state.Phase == ClockPhase.Lapsed && next.Kind != ClockEventKind.Closed)
        {
            throw new ValidationFailure($"申请人逾期未{(state.LapsedAs == RequestOutcome.OtherFeeUnpaid ? "缴纳信息处理费" : "补正")}，视为放弃申请，只能办结。");
        }

        if (next.Kind == ClockEventKind.Closed)
        {
            CheckNotWithinPeriod(calendar, existing, next, state);
        }

        if (state.Phase == ClockPhase.AwaitingCorrection && next.Kind is not (ClockEventKind.CorrectionReceived or ClockEventKind.Closed))
        {
            throw new ValidationFailure("正在等待申请人补正：收到补正前只能记录收到补正或办结。");
        }

        if (next.Kind == ClockEventKind.Reopened)
        {
            throw new ValidationFailure("重新办理只能由行政复议或行政诉讼的纠正结果引起，请在“复议和诉讼”中记录结果。", "Kind");
        }

        if (existing.Any(e => e.Kind == ClockEventKind.Reopened) && next.Kind != ClockEventKind.Closed)
        {
            throw new ValidationFailure("复议或诉讼纠正后重新办理中，只能记录办结（重新答复）。", "Kind");
        }

        switch (next.Kind)
        {
            case ClockEventKind.CorrectionRequested:
                CheckCorrectionNotice(calendar, received, existing, next);
                break;
            case ClockEventKind.CorrectionReceived:
                var notice = existing.FirstOrDefault(e => e.Kind == ClockEventKind.CorrectionRequested)
                    ?? throw new ValidationFailure("尚未发出补正通知，不能记录收到补正。");
                if (existing.Any(e => e.Kind == ClockEventKind.CorrectionReceived))
                {
                    throw new ValidationFailure("已经记录过收到补正。");
                }

                if (next.On > notice.Until)
                {
                    throw new ValidationFailure($"补正期限已于{D(notice.Until!.Value)}届满，申请人逾期未补正，视为放弃申请。", "On");
                }

                break;
            case ClockEventKind.ThirdPartyConsulted or ClockEventKind.OrganConsulted:
                if (string.IsNullOrWhiteSpace(next.Party))
                {
                    throw new ValidationFailure(next.Kind == ClockEventKind.ThirdPartyConsulted ? "请填写被征求意见的第三方。" : "请填写被征求意见的机关。", "Party");
                }

                break;
            case ClockEventKind.ConsultationAnswered:
                CheckAnswer(existing, next);
                break;
            case ClockEventKind.ExtensionApproved:
                CheckExtension(existing, next, state);
                break;
            case ClockEventKind.FeeNoticeIssued:
                if (existing.Any(e => e.Kind == ClockEventKind.FeeNoticeIssued))
                {
                    throw new ValidationFailure("收费通知只能发出一次。");
                }

                if (state.DueOn is { } feeDue && next.On > feeDue)
                {
                    throw new ValidationFailure($"收费通知应在答复期限内发出，答复期限已于{D(feeDue)}届满。", "On");
                }

                break;
            case ClockEventKind.FeePaid:
                var fee = existing.FirstOrDefault(e => e.Kind == ClockEventKind.FeeNoticeIssued)
                    ?? throw new ValidationFailure("尚未发出收费通知，不能记录缴费。");
                if (existing.Any(e => e.Kind == ClockEventKind.FeePaid))
                {
                    throw new ValidationFailure("已经记录过缴费。");
                }

                if (calendar.WorkingDaysBetween(fee.On, next.On) > ReplyDeadline.FeePaymentWorkingDays)
                {
                    var payBy = calendar.AddWorkingDays(fee.On, ReplyDeadline.FeePaymentWorkingDays);
                    throw new ValidationFailure($"缴费期限已于{D(payBy)}届满，视为放弃申请。", "On");
                }

                break;
            case ClockEventKind.DelayedDeadlineSet:
                var until = next.Until ?? throw new ValidationFailure("请填写延迟答复的合理期限（日期）。", "Until");
                calendar.IsWorkingDay(until);
                if (state.DueOn is { } current && until <= current)
                {
                    throw new ValidationFailure($"延迟答复的期限应晚于现在的答复期限{D(current)}。", "Until");
                }

                if (string.IsNullOrWhiteSpace(next.Party))
                {
                    throw new ValidationFailure("请说明申请数量、频次明显超过合理范围的情况（条例第三十五条）。", "Party");
                }

                break;
            case ClockEventKind.Closed:
                break;
            default:
                throw new ValidationFailure("未知的办理事项。", "Kind");
        }

        return state;
    }

    /// <summary>
    /// Art. 30 and 国办函〔2020〕109号: the applicant is deemed to have given up only once the 补正 or payment period has
    /// ended; while it runs the request cannot be closed (其他处理-1/-2 dated inside the period).
    /// </summary>
    private static void CheckNotWithinPeriod(WorkingDayCalendar calendar, IReadOnlyList<ClockEntry> existing, ClockEntry next, ClockState state)
    {
        if (state.Phase == ClockPhase.AwaitingCorrection)
        {
            var until = existing.First(e => e.Kind == ClockEventKind.CorrectionRequested).Until ?? next.On;
            throw new ValidationFailure(
                $"补正期限至{D(until)}，{D(next.On)}尚在补正期限内，申请人仍可补正，不能按“逾期未补正，视为放弃申请”（其他处理第1项）办结；"
                + $"补正期限届满后（{D(until.AddDays(1))}起）才能办结。", "On");
        }

        if (state.Phase == ClockPhase.AwaitingFee)
        {
            var fee = existing.Last(e => e.Kind == ClockEventKind.FeeNoticeIssued);
            throw new ValidationFailure(
                $"{D(fee.On)}发出收费通知，申请人{ReplyDeadline.PaymentDue(calendar, fee.On)}，{D(next.On)}尚在缴费期限内，"
                + "不能按“逾期未缴纳信息处理费，视为放弃申请”（其他处理第2项）办结；缴费期限届满后才能办结。", "On");
        }
    }

    private static void CheckCorrectionNotice(WorkingDayCalendar calendar, DateOnly received, IReadOnlyList<ClockEntry> existing, ClockEntry next)
    {
        if (existing.Any(e => e.Kind == ClockEventKind.CorrectionRequested))
        {
            throw new ValidationFailure("补正通知只能发出一次，应一次性告知需要补正的事项（条例第三十条）。");
        }

        var day = calendar.WorkingDaysBetween(received, next.On);
        if (day > ReplyDeadline.CorrectionNoticeWithinWorkingDays)
        {
            var latest = calendar.AddWorkingDays(received, ReplyDeadline.CorrectionNoticeWithinWorkingDays);
            throw new ValidationFailure(
                $"补正通知须在收到申请之日起{ReplyDeadline.CorrectionNoticeWithinWorkingDays}个工作日内发出（最晚{D(latest)}），"
                + $"{D(next.On)}已是第{day}个工作日，不能再要求补正（条例第三十条）。", "On");
        }

        var until = next.Until ?? throw new ValidationFailure("请填写合理的补正期限。", "Until");
        if (until <= next.On)
        {
            throw new ValidationFailure("补正期限应晚于补正通知的日期。", "Until");
        }
    }

    private static void CheckAnswer(IReadOnlyList<ClockEntry> existing, ClockEntry next)
    {
        var open = existing.Where(e => e.Kind is ClockEventKind.ThirdPartyConsulted or ClockEventKind.OrganConsulted).ToList();
        foreach (var answered in existing.Where(e => e.Kind == ClockEventKind.ConsultationAnswered))
        {
            var match = open.FirstOrDefault(c => answered.Party is null || c.Party == answered.Party);
            if (match is not null)
            {
                open.Remove(match);
            }
        }

        if (!open.Any(c => next.Party is null || c.Party == next.Party))
        {
            throw new ValidationFailure(next.Party is null ? "没有尚未答复的征求意见。" : $"没有向“{next.Party}”征求意见的记录，或已经收到其意见。", "Party");
        }
    }

    private static void CheckExtension(IReadOnlyList<ClockEntry> existing, ClockEntry next, ClockState state)
    {
        if (existing.Any(e => e.Kind == ClockEventKind.ExtensionApproved))
        {
            throw new ValidationFailure("答复期限只能延长一次（条例第三十三条）。");
        }

        if (next.WorkingDays is not (>= 1 and <= ReplyDeadline.MaxExtensionWorkingDays))
        {
            throw new ValidationFailure($"延长的期限最长不得超过{ReplyDeadline.MaxExtensionWorkingDays}个工作日（条例第三十三条），请填写1至{ReplyDeadline.MaxExtensionWorkingDays}。", "WorkingDays");
        }

        if (string.IsNullOrWhiteSpace(next.ApprovedBy))
        {
            throw new ValidationFailure("延长答复期限须经政府信息公开工作机构负责人同意，请填写批准人。", "ApprovedBy");
        }

        if (state.DueOn is { } due && next.On > due)
        {
            throw new ValidationFailure($"答复期限已于{D(due)}届满，不能再延长。", "On");
        }
    }

    private static string D(DateOnly date) => ChineseDates.Long(date);
}
