using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Policy.Consultations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Policy.Pages.Admin.Consultations;

/// <summary>
/// The moderation queue (publish with personal data removed, or hide with a reason) and the answering list
/// (dispositions typed or from templates, whole groups at once, merging a campaign's variants), 50 at a time by keyset.
/// </summary>
public sealed class CommentsModel(ConsultationQueries queries, ModerateComments moderate, AnswerComments answer, GongkaiDb db) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public string ViewName { get; private set; } = "answer";
    public IReadOnlyList<ConsultationQueries.StaffRow> Rows { get; private set; } = [];
    public IReadOnlyList<ConsultationQueries.GroupRow> Groups { get; private set; } = [];
    public IReadOnlyList<AnswerTemplate> Templates { get; private set; } = [];
    public IReadOnlyList<string> Articles { get; private set; } = [];
    public string? Article { get; private set; }
    public Guid? After { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? view, Guid? after, string? article, CancellationToken ct) =>
        await LoadAsync(id, view, after, article, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync(Guid id, List<Guid> ids, CancellationToken ct) =>
        RunAsync(id, "moderation", async () => $"已公开{ids.Count}条意见，其中{await moderate.PublishAsync(Consultation, ids, ct)}条删除了个人信息。", ct);

    public Task<IActionResult> OnPostHideAsync(Guid id, Guid commentId, string? reason, CancellationToken ct) =>
        RunAsync(id, "moderation", async () =>
        {
            await moderate.HideAsync(Consultation, commentId, reason, ct);
            return "已设为不予公开。";
        }, ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, List<Guid> ids, Disposition? disposition, string? reply, Guid? templateId, bool wholeGroups, CancellationToken ct) =>
        RunAsync(id, "answer", async () =>
        {
            var n = templateId is { } t
                ? await answer.AnswerFromTemplateAsync(Consultation, ids, t, wholeGroups, ct)
                : await answer.AnswerAsync(Consultation, ids, disposition, reply, wholeGroups, ct);
            return $"已答复{n}条意见。";
        }, ct);

    public Task<IActionResult> OnPostGroupAsync(Guid id, List<Guid> ids, CancellationToken ct) =>
        RunAsync(id, "answer", async () => $"已将{await answer.GroupAsync(Consultation, ids, ct)}条意见归入同一组。", ct);

    public Task<IActionResult> OnPostTemplateAsync(Guid id, string? name, Disposition? templateDisposition, string? text, CancellationToken ct) =>
        RunAsync(id, "answer", async () =>
        {
            await answer.SaveTemplateAsync(Consultation.OrganId, name, templateDisposition, text, ct);
            return "已保存答复模板。";
        }, ct);

    private async Task<IActionResult> RunAsync(Guid id, string view, Func<Task<string>> action, CancellationToken ct)
    {
        if (!await LoadAsync(id, view, null, null, ct))
        {
            return NotFound();
        }

        string message = "";
        if (!await this.TryAsync(async () => message = await action(), ""))
        {
            await LoadAsync(id, view, null, null, ct);
            return Page();
        }

        TempData["Message"] = message;
        return Redirect($"/admin/consultations/{id}/comments?view={view}");
    }

    private async Task<bool> LoadAsync(Guid id, string? view, Guid? after, string? article, CancellationToken ct)
    {
        var c = await queries.ForStaffAsync(id, ct);
        if (c is null)
        {
            return false;
        }

        Consultation = c;
        ViewName = view is "moderation" or "answered" or "groups" ? view : "answer";
        After = after;
        Article = string.IsNullOrEmpty(article) ? null : article;
        Rows = ViewName switch
        {
            "moderation" => await queries.WorkListAsync(id, true, after, Article, ct),
            "answered" => await queries.AnsweredAsync(id, after, ct),
            "groups" => [],
            _ => await queries.WorkListAsync(id, false, after, Article, ct),
        };
        Groups = ViewName == "groups" ? await queries.GroupsAsync(id, 50, ct) : [];
        Templates = await db.Set<AnswerTemplate>().AsNoTracking().Where(t => t.OrganId == c.OrganId).OrderBy(t => t.Name).ToListAsync(ct);
        Articles = await db.Set<DraftArticle>().AsNoTracking()
            .Join(db.Set<DraftVersion>().Where(v => v.ConsultationId == id), a => a.VersionId, v => v.Id, (a, v) => a.Label)
            .Distinct().ToListAsync(ct);
        Articles = [FeedbackReport.WholeDraft, .. Articles.OrderBy(FeedbackReports.ArticleOrder)];
        return true;
    }
}
