using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Platform.Web;

public static class PageActions
{
    /// <summary>
    /// Runs a use case from a page handler; a <see cref="ValidationFailure"/> becomes a message beside the
    /// field (and in the summary) while the form keeps everything the clerk typed. A lost edit race
    /// (<see cref="EditConflict"/>) answers 409 with the same kind of message.
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
            foreach (var error in e.Errors)
            {
                page.ModelState.AddModelError(error.Field is null ? string.Empty : string.IsNullOrEmpty(prefix) ? error.Field : $"{prefix}.{error.Field}", error.Message);
            }

            return false;
        }
        catch (Exception e) when (EditConflict.Is(e))
        {
            // Someone else saved first: nothing of this edit was saved. The page shows the record as it now is (the
            // tracked copies hold the lost edit, so they are dropped) and says so; the form keeps what the clerk typed.
            page.HttpContext.RequestServices.GetRequiredService<GongkaiDb>().ChangeTracker.Clear();
            page.HttpContext.Response.StatusCode = StatusCodes.Status409Conflict;
            page.ModelState.AddModelError(string.Empty, EditConflict.Text);
            return false;
        }
    }
}
