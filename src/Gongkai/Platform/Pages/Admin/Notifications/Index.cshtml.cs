using Gongkai.Platform.Notifications;
using Gongkai.Platform.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Platform.Pages.Admin.Notifications;

/// <summary>通知发送情况: the outbox, newest first, with masked addresses, attempts and failures (系统管理员 only).</summary>
public sealed class IndexModel(NotificationList list, StaffAccess access) : PageModel
{
    public IReadOnlyList<NotificationRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<NotificationStatus, int> Counts { get; private set; } = new Dictionary<NotificationStatus, int>();
    public NotificationStatus? Status { get; private set; }
    public string EmailChannel => list.EmailChannel;
    public string SmsChannel => list.SmsChannel;

    public async Task<IActionResult> OnGetAsync(NotificationStatus? status, CancellationToken ct)
    {
        if (!await access.HasAnyAsync(StaffRole.SystemAdministrator))
        {
            return Forbid();
        }

        Status = status is { } s && Enum.IsDefined(s) ? s : null;
        (Rows, Counts) = await list.ListAsync(Status, ct);
        return Page();
    }

    public static string StatusLabel(NotificationStatus status) => status switch
    {
        NotificationStatus.Pending => "待发送",
        NotificationStatus.Sent => "已发送",
        NotificationStatus.Failed => "发送失败",
        _ => status.ToString(),
    };
}
