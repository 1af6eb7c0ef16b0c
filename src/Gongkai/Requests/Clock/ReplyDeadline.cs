using Gongkai.Platform;
using Gongkai.Platform.Calendar;

namespace Gongkai.Requests.Clock;

/// <summary>
/// The statutory reply clock (答复期限) of a request, computed only from recorded events and the working-day
/// calendar, never typed in (docs/DESIGN.md §4). Art. 33: 20 working days from the day after receipt, one extension of at
/// most 20 with the office head's approval; Art. 30: a one-shot 补正 notice within 7 working days restarts the clock
/// from zero when the correction arrives; Art. 32–34: consultations (15 working days each) pause it; the fee notice
/// pauses it (国办函〔2020〕109号); Art. 35: a reasonable delayed deadline replaces it. Overlapping pauses count once.
/// </summary>
public static class ReplyDeadline
{
    public const int ReplyWorkingDays = 20;
    public const int MaxExtensionWorkingDays = 20;
    public const int CorrectionNoticeWithinWorkingDays = 7;
    public const int ConsultationWorkingDays = 15;
    public const int FeePaymentWorkingDays = 20;
    public const int DueSoonWorkingDays = 3;

    /// <summary>
    /// The clock at <paramref name="today"/>. When the loaded calendar does not reach the due date (the next year's
    /// schedule is not published yet), the request is still valid: the due date is pending, with the reason, and is
    /// computed as soon as the schedule is loaded. With <paramref name="explain"/> false no sentences are built (the sweep).
    /// </summary>
    public static ClockState Compute(WorkingDayCalendar calendar, Receipt receipt, IEnumerable<ClockEntry> entries, DateOnly today, bool explain = true)
    {
        var lines = explain ? new List<string>() : null;
        var phase = ClockPhase.Running;
        var events = entries.OrderBy(e => e.On).ToList();
        try
        {
            if (events.FindLastIndex(e => e.Kind == ClockEventKind.Reopened) is var reopenedAt and >= 0)
            {
                return Reopened(calendar, receipt, events, reopenedAt, today);
            }

            return Compute(calendar, receipt, events, today, lines, ref phase);
        }
        catch (CalendarRangeException) when (Provisional(calendar, receipt, entries, today, explain) is { } provisional)
        {
            return provisional;
        }
        catch (CalendarRangeException)
        {
            var year = calendar.LastDate.Year + 1;
            var range = $"{calendar.FirstDate.Year}—{calendar.LastDate.Year}年";
            var reason = receipt.ReceivedOn < calendar.FirstDate
                ? $"收到申请之日不在已载入的节假日安排范围内（{range}），无法计算答复期限"
                : $"截止日期待{year}年节假日安排发布后计算";
            lines?.Add(receipt.ReceivedOn < calendar.FirstDate ? reason + "。" : reason + $"：答复期限将超出已载入的节假日安排（{range}），载入{year}年安排后自动计算。");
            var timeliness = calendar.Covers(today) && calendar.WorkingDaysBetween(today, calendar.LastDate) < DueSoonWorkingDays ? Timeliness.DueSoon : Timeliness.OnTime;
            // A close before a reopening (纠正 on appeal) no longer counts: the reopened request is being handled again.
            var close = events.Skip(events.FindLastIndex(e => e.Kind == ClockEventKind.Reopened) + 1).LastOrDefault(e => e.Kind == ClockEventKind.Closed);
            var closed = close is not null;
            if (close is not null)
            {
                // The deadline lies beyond the loaded schedule's last day, so a close on or before that day is in time.
                lines?.Add(receipt.ReceivedOn >= calendar.FirstDate && close.On <= calendar.LastDate
                    ? $"{D(close.On)}办结，在答复期限内（答复期限在{D(calendar.LastDate)}之后）。"
                    : $"{D(close.On)}办结。");
            }

            return new(receipt.ReceivedOn, null, closed ? ClockPhase.Closed : phase, closed ? Timeliness.OnTime : timeliness, null,
                NoticeLatest(calendar, receipt.ReceivedOn), null, lines ?? [], reason);
        }
    }

    private static ClockState Compute(WorkingDayCalendar calendar, Receipt receipt, List<ClockEntry> events, DateOnly today, List<string>? lines, ref ClockPhase phase)
    {
        var received = receipt.ReceivedOn;
        lines?.Add(receipt.Explanation);
        lines?.Add($"答复期限自收到申请的次一工作日起算（《民法典》第二百零一条），为{ReplyWorkingDays}个工作日（条例第三十三条第一款）。");
        var closed = events.FirstOrDefault(e => e.Kind == ClockEventKind.Closed);
        var start = received;

        var notice = events.FirstOrDefault(e => e.Kind == ClockEventKind.CorrectionRequested);
        if (notice is not null)
        {
            var until = notice.Until ?? notice.On;
            lines?.Add($"{D(notice.On)}发出补正通知（收到申请后第{calendar.WorkingDaysBetween(received, notice.On)}个工作日，"
                + $"未超过{CorrectionNoticeWithinWorkingDays}个工作日，条例第三十条），补正期限至{D(until)}。");
            var correction = events.FirstOrDefault(e => e.Kind == ClockEventKind.CorrectionReceived);
            if (correction is null)
            {
                var latest = NoticeLatest(calendar, received);
                // Lapsed on the closing day, or today while open.
                if ((closed?.On ?? today) > until)
                {
                    lines?.Add($"补正期限{D(until)}届满，申请人未补正，视为放弃申请，行政机关不再处理（条例第三十条；年度报告“其他处理”第1项）。");
                    return Lapse(received, RequestOutcome.OtherNoCorrection, closed, latest, lines);
                }

                if (closed is not null)
                {
                    lines?.Add($"{D(closed.On)}办结。");
                    return new(received, null, ClockPhase.Closed, Timeliness.OnTime, null, latest, null, lines ?? []);
                }

                lines?.Add($"正在等待申请人补正；收到补正之日起重新计算{ReplyWorkingDays}个工作日的答复期限。");
                return new(received, null, ClockPhase.AwaitingCorrection, Timeliness.OnTime, null, latest, null, lines ?? []);
            }

            start = correction.On;
            lines?.Add($"{D(correction.On)}收到补正，答复期限自收到补正之日重新计算（条例第三十条），此前经过的时间不再计入。");
        }

        var latestNotice = NoticeLatest(calendar, received);
        var limit = ReplyWorkingDays;
        var extension = events.FirstOrDefault(e => e.Kind == ClockEventKind.ExtensionApproved);
        if (extension is not null)
        {
            limit += extension.WorkingDays ?? 0;
            lines?.Add($"{D(extension.On)}经政府信息公开工作机构负责人{extension.ApprovedBy}同意，延长答复期限{extension.WorkingDays}个工作日，并告知申请人（条例第三十三条第一款）。");
        }

        var pauses = new List<(int From, int To)>();
        RequestOutcome? lapsed = null;
        var answers = events.Where(e => e.Kind == ClockEventKind.ConsultationAnswered).ToList();
        foreach (var c in events.Where(e => e.Kind is ClockEventKind.ThirdPartyConsulted or ClockEventKind.OrganConsulted && e.On >= start))
        {
            var thirdParty = c.Kind == ClockEventKind.ThirdPartyConsulted;
            var who = thirdParty ? $"第三方{c.Party}" : c.Party;
            // A period ending past the loaded schedules has not ended by today: the pause (and the phase) still stand.
            var capDay = calendar.TryAddWorkingDays(c.On, ConsultationWorkingDays);
            var cap = capDay ?? DateOnly.MaxValue;
            var answer = answers.FirstOrDefault(a => a.On >= c.On && (a.Party is null || a.Party == c.Party));
            DateOnly end;
            var asked = $"{D(c.On)}书面征求{who}意见（意见期限{ConsultationWorkingDays}个工作日，{(capDay is { } capOn ? "至" + D(capOn) : PendingEnd(calendar))}）";
            if (answer is not null)
            {
                answers.Remove(answer);
                end = answer.On <= cap ? answer.On : cap;
                lines?.Add(answer.On <= cap
                    ? $"{asked}，{D(answer.On)}收到意见，其间{calendar.WorkingDaysBetween(c.On, end)}个工作日不计入答复期限（条例第三十三条第二款）。"
                    : $"{asked}，{D(answer.On)}才收到意见；不计入答复期限的时间以{ConsultationWorkingDays}个工作日为限。");
            }
            else if (today > cap)
            {
                end = cap;
                lines?.Add(thirdParty
                    ? $"{asked}，第三方逾期未提出意见，由本机关依照条例规定决定（条例第三十二条）；{ConsultationWorkingDays}个工作日不计入答复期限。"
                    : $"{asked}，逾期未提出意见，视为同意公开（条例第三十四条）；{ConsultationWorkingDays}个工作日不计入答复期限。");
            }
            else
            {
                end = today > c.On ? today : c.On;
                phase = ClockPhase.Consultation;
                lines?.Add($"{asked}，尚未收到意见，答复期限暂停计算；以下日期按暂停至今天计算，收到意见后相应确定。");
            }

            pauses.Add((calendar.WorkingDaysBetween(start, c.On), calendar.WorkingDaysBetween(start, end)));
        }

        var fee = events.FirstOrDefault(e => e.Kind == ClockEventKind.FeeNoticeIssued && e.On >= start);
        if (fee is not null)
        {
            // Past the loaded schedules the payment period has not ended by today.
            var payBy = calendar.TryAddWorkingDays(fee.On, FeePaymentWorkingDays) ?? DateOnly.MaxValue;
            var paid = events.FirstOrDefault(e => e.Kind == ClockEventKind.FeePaid && e.On >= fee.On);
            DateOnly end;
            if (paid is not null)
            {
                end = paid.On;
                lines?.Add($"{D(fee.On)}发出收费通知，{D(paid.On)}申请人缴纳信息处理费，其间{calendar.WorkingDaysBetween(fee.On, end)}个工作日不计入答复期限。");
            }
            else if ((closed?.On ?? today) > payBy)
            {
                end = payBy;
                lapsed = RequestOutcome.OtherFeeUnpaid;
                lines?.Add($"{D(fee.On)}发出收费通知，申请人未在{FeePaymentWorkingDays}个工作日内（至{D(payBy)}）缴纳，视为放弃申请，行政机关不再处理（年度报告“其他处理”第2项）。");
            }
            else
            {
                end = today > fee.On ? today : fee.On;
                phase = ClockPhase.AwaitingFee;
                lines?.Add($"{D(fee.On)}发出收费通知，申请人{PaymentDue(calendar, fee.On)}；缴费期间答复期限暂停计算。");
            }

            pauses.Add((calendar.WorkingDaysBetween(start, fee.On), calendar.WorkingDaysBetween(start, end)));
        }

        if (lapsed is { } feeLapse)
        {
            return Lapse(received, feeLapse, closed, latestNotice, lines);
        }

        var total = limit;
        var paused = 0;
        foreach (var (from, to) in Merge(pauses))
        {
            if (from < total)
            {
                total += to - from;
                paused += to - from;
            }
        }

        var due = calendar.AddWorkingDays(start, total);
        var counted = paused > 0 ? $"{limit}个工作日加上暂停计算的{paused}个工作日，共{total}个工作日" : $"{total}个工作日";
        lines?.Add($"自{D(start)}的次一工作日起算{counted}。");
        lines?.AddRange(calendar.ExplainAddition(start, total).Steps.Where(s => s.Contains("假期", StringComparison.Ordinal) || s.Contains("调休上班", StringComparison.Ordinal)));
        lines?.Add($"答复期限届满日为{D(due)}（{ChineseDates.Weekday(due)}）。");

        var delayed = events.LastOrDefault(e => e.Kind == ClockEventKind.DelayedDeadlineSet && e.Until is not null);
        if (delayed is not null)
        {
            due = delayed.Until!.Value;
            lines?.Add($"{D(delayed.On)}因申请数量、频次明显超过合理范围，确定延迟答复的合理期限至{D(due)}（{ChineseDates.Weekday(due)}）并告知申请人（条例第三十五条），以此为答复期限。");
        }

        if (closed is not null)
        {
            var late = closed.On > due;
            lines?.Add(late
                ? $"{D(closed.On)}办结，超过答复期限{calendar.WorkingDaysBetween(due, closed.On)}个工作日。"
                : $"{D(closed.On)}办结，在答复期限内。");
            return new(received, due, ClockPhase.Closed, late ? Timeliness.Overdue : Timeliness.OnTime, null, latestNotice, null, lines ?? []);
        }

        var left = today <= due ? calendar.WorkingDaysBetween(today, due) : -calendar.WorkingDaysBetween(due, today);
        var timeliness = today > due ? Timeliness.Overdue : left <= DueSoonWorkingDays ? Timeliness.DueSoon : Timeliness.OnTime;
        return new(received, due, phase, timeliness, null, latestNotice, left, lines ?? []);
    }

    /// <summary>
    /// After a corrected appeal the request is handled again: the earlier history stays as it was computed, and the new
    /// reply is due by the date the decision set or, when it set none, within the statutory 20 working days of the
    /// decision (行政复议法 Art. 64 and 行政诉讼法 Art. 70 leave the period to the decision).
    /// </summary>
    private static ClockState Reopened(WorkingDayCalendar calendar, Receipt receipt, List<ClockEntry> events, int reopenedAt, DateOnly today)
    {
        var reopened = events[reopenedAt];
        var earlier = Compute(calendar, receipt, events.Take(reopenedAt), reopened.On);
        var lines = earlier.Explanation.ToList();
        var due = reopened.Until ?? calendar.AddWorkingDays(reopened.On, ReplyWorkingDays);
        lines.Add(reopened.Until is not null
            ? $"{D(reopened.On)}{reopened.Party}纠正原处理结果，重新办理，按决定应于{D(due)}前重新答复。"
            : $"{D(reopened.On)}{reopened.Party}纠正原处理结果，重新办理，自次一工作日起{ReplyWorkingDays}个工作日内重新答复，至{D(due)}（{ChineseDates.Weekday(due)}）。");
        var closed = events.Skip(reopenedAt + 1).FirstOrDefault(e => e.Kind == ClockEventKind.Closed);
        if (closed is not null)
        {
            var late = closed.On > due;
            lines.Add(late ? $"{D(closed.On)}重新答复，超过期限{calendar.WorkingDaysBetween(due, closed.On)}个工作日。" : $"{D(closed.On)}重新答复，在期限内。");
            return new(earlier.ReceivedOn, due, ClockPhase.Closed, late ? Timeliness.Overdue : Timeliness.OnTime, null, earlier.CorrectionNoticeLatest, null, lines);
        }

        var left = today <= due ? calendar.WorkingDaysBetween(today, due) : -calendar.WorkingDaysBetween(due, today);
        var timeliness = today > due ? Timeliness.Overdue : left <= DueSoonWorkingDays ? Timeliness.DueSoon : Timeliness.OnTime;
        return new(earlier.ReceivedOn, due, ClockPhase.Running, timeliness, null, earlier.CorrectionNoticeLatest, left, lines);
    }

    /// <summary>
    /// The one rule for a lapse (视为放弃申请: the 补正 or the fee did not come within its period): no reply is owed, so the
    /// request has no due date, before it is closed and after; the explanation ends with the lapse (and the close), never
    /// with a date. <see cref="ClockState.LapsedAs"/> says which lapse, also once closed.
    /// </summary>
    private static ClockState Lapse(DateOnly received, RequestOutcome outcome, ClockEntry? closed, DateOnly? latestNotice, List<string>? lines)
    {
        if (closed is null)
        {
            return new(received, null, ClockPhase.Lapsed, Timeliness.OnTime, outcome, latestNotice, null, lines ?? []);
        }

        lines?.Add($"{D(closed.On)}办结（{outcome.Label()}），无需答复，不计算答复期限。");
        return new(received, null, ClockPhase.Closed, Timeliness.OnTime, outcome, latestNotice, null, lines ?? []);
    }

    /// <summary>
    /// The clock on the calendar extended with provisional years (weekends and statutory holidays only) when the loaded
    /// schedules do not reach it: a due date past the last loaded day is given as 暂定, with the reason, and still counts
    /// as pending (<see cref="ClockState.DuePending"/>) so that loading the next year's schedule recomputes it. Null when
    /// even the provisional years do not reach (the pending state without a date then stands).
    /// </summary>
    private static ClockState? Provisional(WorkingDayCalendar calendar, Receipt receipt, IEnumerable<ClockEntry> entries, DateOnly today, bool explain)
    {
        if (calendar.ProvisionalFrom is not null || receipt.ReceivedOn < calendar.FirstDate || today > calendar.LastDate.AddYears(WorkingDayCalendar.ProvisionalYears))
        {
            return null;
        }

        var state = Compute(calendar.WithProvisionalYears(), receipt, entries, today, explain);
        if (state.DuePending)
        {
            return null;
        }

        if (state.DueOn is not { } due || due <= calendar.LastDate)
        {
            // The due date lies inside the published schedules: final, whatever else reached past them.
            return state;
        }

        var year = calendar.LastDate.Year + 1;
        var reason = $"{year}年节假日安排尚未发布，按周末和法定节假日推算，发布后重新计算";
        var lines = explain ? state.Explanation.Append($"以上答复期限{D(due)}为暂定：{reason}（不含国务院安排的调休）。").ToList() : state.Explanation;
        return state with { Explanation = lines, DuePendingReason = $"截止日期待{year}年节假日安排发布后计算", ProvisionalReason = reason };
    }

    /// <summary>When a fee noticed on <paramref name="noticeOn"/> must be paid: "应于…前缴纳", or the period while its last day is pending.</summary>
    public static string PaymentDue(WorkingDayCalendar calendar, DateOnly noticeOn) =>
        calendar.TryAddWorkingDays(noticeOn, FeePaymentWorkingDays) is { } day
            ? $"应于{D(day)}前缴纳"
            : $"应在{calendar.PeriodText(noticeOn, FeePaymentWorkingDays)}缴纳";

    /// <summary>The end of a period that lies past the loaded schedules, as said in an explanation.</summary>
    private static string PendingEnd(WorkingDayCalendar calendar) => $"届满日待{calendar.LastDate.Year + 1}年节假日安排发布后确定";

    /// <summary>The last day for a 补正 notice (Art. 30), or null when the calendar does not reach it yet.</summary>
    private static DateOnly? NoticeLatest(WorkingDayCalendar calendar, DateOnly received) =>
        calendar.Covers(received) && calendar.WorkingDaysBetween(received, calendar.LastDate) >= CorrectionNoticeWithinWorkingDays
            ? calendar.AddWorkingDays(received, CorrectionNoticeWithinWorkingDays)
            : null;

    /// <summary>Pauses as half-open runs of working-day offsets (from, to], merged so an overlap counts once.</summary>
    private static IEnumerable<(int From, int To)> Merge(List<(int From, int To)> pauses)
    {
        var sorted = pauses.Where(p => p.To > p.From).OrderBy(p => p.From).ToList();
        var i = 0;
        while (i < sorted.Count)
        {
            var (from, to) = sorted[i++];
            while (i < sorted.Count && sorted[i].From <= to)
            {
                to = Math.Max(to, sorted[i++].To);
            }

            yield return (from, to);
        }
    }

    private static string D(DateOnly date) => ChineseDates.Long(date);
}
