using Gongkai.Platform.Jobs;
using Gongkai.Platform.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Platform.Pages.Admin.Jobs;

/// <summary>每日任务: each job of the runner, how it runs, its last runs and failures (系统管理员 only).</summary>
public sealed class IndexModel(JobHistory history, StaffAccess access) : PageModel
{
    public IReadOnlyList<JobSummary> Jobs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.HasAnyAsync(StaffRole.SystemAdministrator))
        {
            return Forbid();
        }

        Jobs = await history.ListAsync(ct);
        return Page();
    }
}
