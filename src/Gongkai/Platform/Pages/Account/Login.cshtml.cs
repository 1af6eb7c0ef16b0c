using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gongkai.Platform.Pages.Account;

public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, SignInThrottle throttle, AuditLog audit, GongkaiDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Both fields are checked before answering, so a form sent empty names both (Platform/Web/FormErrors.cs).
        if (string.IsNullOrWhiteSpace(UserName))
        {
            ModelState.AddModelError(nameof(UserName), L["请输入用户名。"]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), L["请输入密码。"]);
        }

        if (!ModelState.IsValid || UserName is null || Password is null)
        {
            return Page();
        }

        // Every failure gets the same answer after the same work: an unknown user name costs a password hash too,
        // and whether an account is disabled is said only to someone who knows its password. Too many failures make
        // the next attempt wait (by address and by account, growing delays); an early one is refused unverified.
        var name = users.NormalizeName(UserName.Trim());
        var address = HttpContext.Connection.RemoteIpAddress;
        var wait = await throttle.WaitAsync(name, address);
        if (wait > TimeSpan.Zero)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError(string.Empty, L["用户名或密码不正确，或尝试过于频繁。请于{0}秒后重试。", (int)Math.Ceiling(wait.TotalSeconds)]);
            return Page();
        }

        var user = await users.FindByNameAsync(UserName.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(DummyUser, DummyHash.Value, Password);
            await throttle.FailedAsync(name, address, null);
            return Refused();
        }

        if (!await users.CheckPasswordAsync(user, Password))
        {
            await throttle.FailedAsync(name, address, user);
            return Refused();
        }

        if (user.IsDisabled)
        {
            audit.Record(PlatformAuditActions.StaffSignInRefused, "StaffUser", user.Id, $"{user.UserName} 账号已停用，拒绝登录", user.OrganId);
            await db.SaveChangesAsync();
            ModelState.AddModelError(string.Empty, L["该账号已停用，请联系管理员。"]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(name, address);
            audit.Record(PlatformAuditActions.StaffSignIn, "StaffUser", user.Id, $"{user.UserName} 登录", user.OrganId);
            await db.SaveChangesAsync();
            return LocalRedirect(SafeReturnUrl());
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Platform/Pages/Account/LoginWith2fa", new { returnUrl = SafeReturnUrl() });
        }

        return Refused();
    }

    private static readonly StaffUser DummyUser = new() { DisplayName = "" };

    /// <summary>A hash of a random password, made once, so an unknown user name is answered after the same hashing work.</summary>
    private static readonly Lazy<string> DummyHash = new(() =>
        new Microsoft.AspNetCore.Identity.PasswordHasher<StaffUser>().HashPassword(DummyUser, Guid.NewGuid().ToString("N")));

    private PageResult Refused()
    {
        ModelState.AddModelError(string.Empty, L["用户名或密码不正确。"]);
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin";
}
