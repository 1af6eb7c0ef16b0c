using Gongkai.Requests.Pages;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Web;
using Gongkai.Requests;
using Gongkai.Requests.Intake;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Requests.Pages.Admin;

/// <summary>Staff register a request received in person, by post, ordinary letter, fax or orally, with the channel's dates.</summary>
public sealed class NewModel(GongkaiDb db, StaffAccess access, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Organs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        Input.SubmittedOn = ChineseDates.Today(clock);
        Input.SubmissionKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] RegisterRequest register, CancellationToken ct)
    {
        FiledRequest? filed = null;
        if (await this.TryAsync(async () => filed = await register.HandleAsync(Input, ct)))
        {
            TempData["Message"] = $"已登记，受理编号{filed!.Request.TrackingNumber}，查询码{(filed.Secret is { } s ? RequestSecret.Display(s) : "已在首次登记时显示")}（请告知申请人，只显示这一次）。";
            return Redirect($"/admin/requests/{filed.Request.Id}");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(RequestAccess.Handlers);
        Organs = await RequestFieldsView.ReceivingOrgansAsync(db, id => scope.Covers(id), ct);
        return !scope.IsEmpty;
    }
}
