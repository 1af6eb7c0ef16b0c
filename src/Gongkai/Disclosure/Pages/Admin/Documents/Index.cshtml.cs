using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Pages.Admin.Documents;

public sealed class IndexModel(GongkaiDb db, StaffAccess access, DocumentFinder documents, TimeProvider clock) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public DocumentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Late { get; set; }

    public List<DocumentRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<Guid, string> Organs { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(DocumentAccess.Viewers);
        if (scope.IsEmpty)
        {
            return Forbid();
        }

        CanCreate = !(await access.ScopeAsync(DocumentAccess.Editors)).IsEmpty;
        Today = ChineseDates.Today(clock);
        var query = documents.Visible(scope);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(d => d.Title.Contains(q) || d.IndexNumber == q || d.DocumentNumber == q);
        }

        if (Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (Overdue)
        {
            var today = Today;
            query = query.Where(d => d.Attribute == DisclosureAttribute.Proactive && d.Status != DocumentStatus.Published
                && d.Status != DocumentStatus.Withdrawn && d.PublishDueOn < today);
        }

        if (Late)
        {
            query = query.Where(d => d.PublishedLate);
        }

        Total = await query.CountAsync(ct);
        Rows = await query.OrderByDescending(d => d.CreatedAt).Take(PageSize)
            .Select(d => new DocumentRow(d.Id, d.Title, d.OrganId, d.Status, d.Attribute, d.FormedOn, d.PublishDueOn, d.PublishedAt, d.PublishedLate))
            .ToListAsync(ct);
        Organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        return Page();
    }
}

/// <summary>One line of the staff list (the columns it shows).</summary>
public sealed record DocumentRow(Guid Id, string Title, Guid OrganId, DocumentStatus Status, DisclosureAttribute Attribute, DateOnly FormedOn,
    DateOnly? PublishDueOn, DateTimeOffset? PublishedAt, bool PublishedLate);
