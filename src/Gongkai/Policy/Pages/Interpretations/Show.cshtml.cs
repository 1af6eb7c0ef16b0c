using Gongkai.Disclosure.Documents;
using Gongkai.Policy.Interpretations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Policy.Pages.Interpretations;

/// <summary>A published interpretation: its form, the elements, the Q&amp;A pairs and the policy documents it explains.</summary>
public sealed class ShowModel(InterpretationQueries queries) : PageModel
{
    public Interpretation Interpretation { get; private set; } = null!;
    public string OrganName { get; private set; } = "";
    public IReadOnlyList<PublishedDocumentLink> Policies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.PublicDetailAsync(id, ct) is not { } d)
        {
            return NotFound();
        }

        (Interpretation, OrganName, Policies) = d;
        return Page();
    }
}
