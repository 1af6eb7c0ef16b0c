using System.Security.Claims;

namespace Gongkai.Platform.Audit;

/// <summary>Who is acting in this request or command: a signed-in staff member, a token, the CLI or the system.</summary>
public sealed class CurrentActor(IHttpContextAccessor accessor)
{
    private string? overrideName;

    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name => overrideName
        ?? DisplayName(accessor.HttpContext?.User)
        ?? (accessor.HttpContext is null ? "命令行" : "公众");

    public string? Address => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private static string? DisplayName(ClaimsPrincipal? user)
    {
        var login = user?.FindFirstValue(ClaimTypes.Name);
        var display = user?.FindFirstValue("gk:display");
        return login is null ? null : display is null ? login : $"{display}（{login}）";
    }

    /// <summary>Used by CLI commands and background work, which have no HTTP request.</summary>
    public void ActAs(string name) => overrideName = name;
}
