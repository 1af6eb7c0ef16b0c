using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Requests.Clock;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Fees;

public sealed class FeePaymentInput
{
    public DateOnly? On { get; set; }
    /// <summary>Receipt or transaction number.</summary>
    public string? Reference { get; set; }
}

/// <summary>
/// Records that the applicant paid: the <see cref="ClockEventKind.FeePaid"/> event through <see cref="RecordClockEvent"/>
/// (which refuses a payment after the 20 working days) and the payment on the assessment, in one unit of work.
/// </summary>
public sealed class RecordFeePayment(GongkaiDb db, RecordClockEvent record, TimeProvider clock)
{
    public async Task<FeeAssessment> HandleAsync(DisclosureRequest request, FeePaymentInput input, CancellationToken ct = default)
    {
        var fee = await db.FeeAssessments.FirstOrDefaultAsync(f => f.RequestId == request.Id, ct)
            ?? throw new ValidationFailure("尚未发出收费通知，不能记录缴费。");
        var reference = input.Reference?.Trim();
        if (reference is { Length: > 100 })
        {
            throw new ValidationFailure("缴费凭证号不能超过100个字。", "Reference");
        }

        var on = input.On ?? ChineseDates.Today(clock);
        fee.PaidOn = on;
        fee.PaymentReference = string.IsNullOrEmpty(reference) ? null : reference;
        try
        {
            await record.HandleAsync(request, new ClockEventInput
            {
                Kind = ClockEventKind.FeePaid,
                On = on,
                Note = $"缴纳信息处理费{fee.Amount}元" + (fee.PaymentReference is { } r ? "，凭证号" + r : ""),
            }, ct);
        }
        catch
        {
            await db.Entry(fee).ReloadAsync(ct);
            throw;
        }

        return fee;
    }
}
