using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Platform.Web;

public static class PageActions
{
    /// <summary>
    /// Runs a use case from a page handler; a <see cref="ValidationFailure"/> becomes a message beside the
    /// field (and in the summary) while the form keeps everything the clerk typed.
    /// </summary>
    public static async Task<bool> TryAsync(this PageModel page, Func<Task> action, string prefix = "Input")
    {
        try
        {
            await action();
            return true;
        }
        catch (ValidationFailure e)
        {
            page.ModelState.AddModelError(e.Field is null ? string.Empty : string.IsNullOrEmpty(prefix) ? e.Field : $"{prefix}.{e.Field}", e.Message);
            return false;
        }
    }
}
