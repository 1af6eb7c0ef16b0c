using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Requests.Intake;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gongkai.Requests.Pages.En;

/// <summary>
/// The application form in English (/en/request). It is the same form as /requests/new: the same fields, the same use
/// case (<see cref="SubmitOnline"/>: validation, filing, statutory clock, one audit event), the same receipt with the
/// tracking number and 查询码, CSRF and the public-form rate limit; only the language differs (refusals are the
/// use case's Chinese messages in their English resource).
/// </summary>
public sealed class RequestModel(GongkaiDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Organs { get; private set; } = [];

    public FiledRequest? Filed { get; private set; }

    public string OrganName { get; private set; } = "";

    public string? OrganEnglishName { get; private set; }

    /// <summary>Organs without an English name, listed in Chinese (lang="zh-CN").</summary>
    public IReadOnlySet<Guid> ChineseNamed { get; private set; } = new HashSet<Guid>();

    public async Task OnGetAsync(Guid? organ, CancellationToken ct)
    {
        Input.OrganId = organ;
        Input.SubmissionKey = Guid.NewGuid().ToString("N");
        (Organs, ChineseNamed) = await RequestFieldsView.ReceivingOrgansInEnglishAsync(db, ct);
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SubmitOnline submit, CancellationToken ct)
    {
        FiledRequest? filed = null;
        if (await this.TryAsync(async () => filed = await submit.HandleAsync(Input, ct)))
        {
            Filed = filed;
            var organ = db.Organs.Where(o => o.Id == filed!.Request.OrganId).Select(o => new { o.FullName, o.EnglishName }).Single();
            (OrganName, OrganEnglishName) = (organ.FullName, organ.EnglishName);
            return Page();
        }

        LocalisedMessages.Translate(ModelState, L);
        (Organs, ChineseNamed) = await RequestFieldsView.ReceivingOrgansInEnglishAsync(db, ct);
        return Page();
    }
}
