using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Requests.Intake;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Requests.Pages;

/// <summary>The public application form (在线申请); the response to a successful POST is the acknowledgement (回执).</summary>
public sealed class NewModel(GongkaiDb db) : PageModel
{
    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Organs { get; private set; } = [];

    public FiledRequest? Filed { get; private set; }

    /// <summary>Where the receipt can be shown again (and where the 长者模式 switch returns), without the 查询码 in the address.</summary>
    public const string ReceiptUrl = "/requests/new?handler=receipt";

    private const string ReceiptKind = "request";

    public string OrganName { get; private set; } = "";

    public async Task OnGetAsync(Guid? organ, CancellationToken ct)
    {
        Input.OrganId = organ;
        Input.SubmissionKey = Guid.NewGuid().ToString("N");
        Organs = await RequestFieldsView.ReceivingOrgansAsync(db, null, ct);
    }

    /// <summary>The acknowledgement shown again to the browser that filed it (e.g. after switching to 长者模式).</summary>
    public async Task<IActionResult> OnGetReceiptAsync([FromServices] TrackRequest track, CancellationToken ct)
    {
        if (KeptReceipt.Read(HttpContext, ReceiptKind)?.Split('\n') is not [var number, var secret]
            || await track.ReceiptAsync(number, secret, ct) is not { } filed)
        {
            return RedirectToPage();
        }

        Filed = filed;
        OrganName = db.Organs.Where(o => o.Id == filed.Request.OrganId).Select(o => o.FullName).Single();
        KeptReceipt.NoStore(HttpContext);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SubmitOnline submit, CancellationToken ct)
    {
        FiledRequest? filed = null;
        if (await this.TryAsync(async () => filed = await submit.HandleAsync(Input, ct)))
        {
            Filed = filed;
            OrganName = db.Organs.Where(o => o.Id == filed!.Request.OrganId).Select(o => o.FullName).Single();
            if (filed!.Secret is { } secret)
            {
                KeptReceipt.Keep(HttpContext, ReceiptKind, filed.Request.TrackingNumber + "\n" + secret, "/requests");
            }

            KeptReceipt.NoStore(HttpContext);
            return Page();
        }

        Organs = await RequestFieldsView.ReceivingOrgansAsync(db, null, ct);
        return Page();
    }
}
