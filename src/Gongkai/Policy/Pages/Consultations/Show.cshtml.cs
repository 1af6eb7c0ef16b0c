using Gongkai.Platform.Web;
using Gongkai.Policy.Consultations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Policy.Pages.Consultations;

/// <summary>
/// One consultation for the public: the draft article by article with a comment link on each, earlier versions and
/// what changed, the basis documents, the timeline, the published comments and, once published, the feedback report.
/// </summary>
public sealed class ShowModel(ConsultationQueries queries, FeedbackReports reports) : PageModel
{
    public ConsultationQueries.Detail View { get; private set; } = null!;
    public DraftVersion Shown { get; private set; } = null!;
    public IReadOnlyList<ConsultationQueries.PublicComment> Comments { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public FeedbackReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? version, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var view = await queries.PublicDetailAsync(id, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Shown = view.Versions.FirstOrDefault(v => v.Number == version) ?? view.Current;
        var p = Math.Max(1, page ?? 1);
        var (comments, total) = await queries.PublishedCommentsAsync(id, p, ct);
        Comments = comments;
        Pager = new Pager(p, Math.Max(1, (total + ConsultationQueries.PageSize - 1) / ConsultationQueries.PageSize), n => $"/consultations/{id}?page={n}#comments");
        if (view.Consultation.FeedbackPublishedAt is not null)
        {
            Report = await reports.BuildAsync(id, ct);
        }

        return Page();
    }
}
