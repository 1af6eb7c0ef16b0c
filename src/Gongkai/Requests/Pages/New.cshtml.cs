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

    public string OrganName { get; private set; } = "";

    public async Task OnGetAsync(Guid? organ, CancellationToken ct)
    {
        Input.OrganId = organ;
        Input.SubmissionKey = Guid.NewGuid().ToString("N");
        Organs = await RequestFieldsView.ReceivingOrgansAsync(db, null, ct);
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SubmitOnline submit, CancellationToken ct)
    {
        FiledRequest? filed = null;
        if (await this.TryAsync(async () => filed = await submit.HandleAsync(Input, ct)))
        {
            Filed = filed;
            OrganName = db.Organs.Where(o => o.Id == filed!.Request.OrganId).Select(o => o.FullName).Single();
            return Page();
        }

        Organs = await RequestFieldsView.ReceivingOrgansAsync(db, null, ct);
        return Page();
    }
}
