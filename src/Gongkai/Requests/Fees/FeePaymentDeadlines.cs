using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Requests.Clock;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Fees;

/// <summary>
/// Keeps the stored payment deadlines of unpaid fee notices in step with the calendar: loading next year's schedule
/// fills in those that were past the old last year (<see cref="FeeAssessment.PayBy"/> null), a local day moves them.
/// </summary>
internal static class FeePaymentDeadlines
{
    public static IServiceCollection AddFeePaymentDeadlines(this IServiceCollection services) =>
        services.AddCalendarChangeHook(new("信息处理费缴费期限", (sp, change, ct) => RecomputeAsync(sp.GetRequiredService<GongkaiDb>(), sp.GetRequiredService<CalendarStore>(), ct)));

    /// <summary>Recomputes the unpaid fees' deadlines; answers how many changed.</summary>
    public static async Task<int> RecomputeAsync(GongkaiDb db, CalendarStore calendars, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var unpaid = await db.FeeAssessments.Where(f => f.PaidOn == null).ToListAsync(ct);
        var changed = 0;
        foreach (var fee in unpaid)
        {
            var payBy = calendar.TryAddWorkingDays(fee.NoticeOn, ReplyDeadline.FeePaymentWorkingDays);
            if (payBy != fee.PayBy)
            {
                fee.PayBy = payBy;
                changed++;
            }
        }

        await db.SaveChangesAsync(ct);
        return changed;
    }
}
