using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Requests.Clock;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Fees;

public sealed class FeeNoticeInput
{
    public FeeMethod? Method { get; set; }
    public int? EarlierItems { get; set; }
    public int? Items { get; set; }
    public int? Pages { get; set; }
    public string? PaymentInstructions { get; set; }
    public DateOnly? On { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// Computes the fee and records the fee notice (收费通知) through <see cref="RecordClockEvent"/>, so the clock's rules
/// (once only, within the reply period) and its pause apply; the assessment and the clock event commit together.
/// </summary>
public sealed class IssueFeeNotice(GongkaiDb db, RecordClockEvent record, CalendarStore calendars, CurrentActor actor, TimeProvider clock)
{
    public static FeeQuote Quote(FeeNoticeInput input) => input.Method switch
    {
        FeeMethod.PerRequest => FeeCalculator.PerRequest(input.EarlierItems ?? 0, input.Items ?? 1),
        FeeMethod.PerPage => FeeCalculator.PerPage(input.Pages ?? throw new ValidationFailure("按量计收须填写页数。", "Pages")),
        _ => throw new ValidationFailure("请选择计费方式：按件计收或按量计收（二者只能选一种，不得重复计算）。", "Method"),
    };

    /// <summary>
    /// 按件: items the same applicant (same name and applicant type) filed with the same organ earlier in the natural
    /// month of receipt. Only a suggestion: the ID number is encrypted, so the handler confirms it.
    /// </summary>
    public async Task<int> EarlierItemsAsync(DisclosureRequest request, CancellationToken ct = default)
    {
        var month = new DateOnly(request.ReceivedOn.Year, request.ReceivedOn.Month, 1);
        return await db.DisclosureRequests.AsNoTracking().CountAsync(r =>
            r.Id != request.Id && r.OrganId == request.OrganId && r.ApplicantName == request.ApplicantName && r.ApplicantType == request.ApplicantType
            && r.ReceivedOn >= month && (r.ReceivedOn < request.ReceivedOn || (r.ReceivedOn == request.ReceivedOn && r.CreatedAt < request.CreatedAt)), ct);
    }

    public async Task<FeeAssessment> HandleAsync(DisclosureRequest request, FeeNoticeInput input, CancellationToken ct = default)
    {
        var quote = Quote(input);
        if (quote.Amount == 0)
        {
            throw new ValidationFailure("按所填件数或页数不收取信息处理费，无需发出收费通知。", input.Method == FeeMethod.PerPage ? "Pages" : "Items");
        }

        var instructions = input.PaymentInstructions?.Trim();
        if (string.IsNullOrEmpty(instructions))
        {
            throw new ValidationFailure("请填写缴费方式（如收款账户、缴费地点）。", "PaymentInstructions");
        }

        if (instructions.Length > 500)
        {
            throw new ValidationFailure("缴费方式不能超过500个字。", "PaymentInstructions");
        }

        var on = input.On ?? ChineseDates.Today(clock);
        var calendar = await calendars.GetAsync(ct);
        if (!calendar.Covers(on))
        {
            throw new ValidationFailure($"收费通知日期{ChineseDates.Long(on)}不在已载入的节假日安排范围内（{calendar.FirstDate.Year}—{calendar.LastDate.Year}年）。", "On");
        }

        var payBy = calendar.TryAddWorkingDays(on, ReplyDeadline.FeePaymentWorkingDays);
        var fee = new FeeAssessment
        {
            RequestId = request.Id,
            Method = quote.Method,
            EarlierItems = quote.Method == FeeMethod.PerRequest ? input.EarlierItems ?? 0 : null,
            Items = quote.Method == FeeMethod.PerRequest ? input.Items ?? 1 : null,
            Pages = quote.Method == FeeMethod.PerPage ? input.Pages : null,
            Amount = quote.Amount,
            Breakdown = string.Join("\n", quote.Lines()),
            PaymentInstructions = instructions,
            NoticeOn = on,
            PayBy = payBy,
            CreatedAt = clock.GetUtcNow(),
            CreatedById = actor.UserId,
            CreatedByName = actor.Name,
        };
        if (await db.FeeAssessments.AnyAsync(f => f.RequestId == request.Id, ct))
        {
            throw new ValidationFailure("收费通知只能发出一次。");
        }

        db.FeeAssessments.Add(fee);
        try
        {
            var note = $"{quote.Method.Label()}，信息处理费{quote.Amount}元，{ReplyDeadline.PaymentDue(calendar, on)}" + (string.IsNullOrWhiteSpace(input.Note) ? "" : "；" + input.Note.Trim());
            await record.HandleAsync(request, new ClockEventInput { Kind = ClockEventKind.FeeNoticeIssued, On = on, Note = note }, ct);
        }
        catch
        {
            db.Entry(fee).State = EntityState.Detached;
            throw;
        }

        return fee;
    }
}
