using Gongkai.Plans.Reminders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Plans.Pages.Admin;

/// <summary>Today's reminder list (due soon or overdue) of 工作要点 tasks for the user's organs.</summary>
public sealed class RemindersModel(PlanReminderList reminders) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PlanReminderKind Kind { get; set; } = PlanReminderKind.Overdue;

    public List<PlanReminderLine> Lines { get; private set; } = [];
    public DateOnly Today => reminders.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await reminders.LinesAsync(Kind, ct) is not { } lines)
        {
            return NotFound();
        }

        Lines = lines;
        return Page();
    }
}
