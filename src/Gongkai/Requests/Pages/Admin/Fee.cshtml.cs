using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Requests;
using Gongkai.Requests.Fees;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Pages.Admin;

/// <summary>信息处理费: compute (按件 or 按量), issue the notice (the clock pauses), record the payment.</summary>
public sealed class FeeModel(GongkaiDb db, Gongkai.Requests.Handling.RequestCases cases, IssueFeeNotice issue, CalendarStore calendars) : PageModel
{
    /// <summary>The payment deadline as shown: the date, or the period while its date lies past the loaded schedules.</summary>
    public string PayByText { get; private set; } = "";

    public DisclosureRequest Case { get; private set; } = null!;
    public FeeAssessment? Fee { get; private set; }
    public FeeQuote? Quote { get; private set; }
    public int SuggestedEarlierItems { get; private set; }

    [BindProperty]
    public FeeNoticeInput Input { get; set; } = new();

    [BindProperty]
    public FeePaymentInput Payment { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Method = FeeMethod.PerRequest;
        Input.EarlierItems = SuggestedEarlierItems;
        Input.Items = 1;
        return Page();
    }

    public async Task<IActionResult> OnPostQuoteAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await this.TryAsync(() => Task.FromResult(Quote = IssueFeeNotice.Quote(Input)));
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (await this.TryAsync(() => issue.HandleAsync(Case, Input, ct)))
        {
            TempData["Message"] = "已记录收费通知，答复期限暂停计算。请制作并送达收费通知书。";
            return Redirect($"/admin/requests/{id}/fee");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPaidAsync(Guid id, [FromServices] RecordFeePayment pay, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (await this.TryAsync(() => pay.HandleAsync(Case, Payment, ct), "Payment"))
        {
            TempData["Message"] = "已记录缴费，答复期限恢复计算。";
            return Redirect($"/admin/requests/{id}/fee");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await cases.FindAsync(id, ct) is not { } request)
        {
            return false;
        }

        Case = request;
        Fee = await db.FeeAssessments.AsNoTracking().FirstOrDefaultAsync(f => f.RequestId == id, ct);
        if (Fee is { } fee)
        {
            PayByText = fee.PayByText(await calendars.GetAsync(ct));
        }

        SuggestedEarlierItems = await issue.EarlierItemsAsync(request, ct);
        return true;
    }
}
