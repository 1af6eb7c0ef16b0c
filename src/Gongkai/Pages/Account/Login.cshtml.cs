using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gongkai.Pages.Account;

public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit, GongkaiDb db, IStringLocalizer<SharedResource> L) : PageModel
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
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(string.Empty, L["请输入用户名和密码。"]);
            return Page();
        }

        var user = await users.FindByNameAsync(UserName.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            audit.Record("staff.signin", "StaffUser", user!.Id, $"{user.UserName} 登录", user.OrganId);
            await db.SaveChangesAsync();
            return LocalRedirect(SafeReturnUrl());
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { returnUrl = SafeReturnUrl() });
        }

        if (user is not null && (result.IsLockedOut || result.IsNotAllowed || user.IsDisabled))
        {
            audit.Record("staff.signin.refused", "StaffUser", user.Id, result.IsLockedOut ? $"{user.UserName} 登录失败次数过多，账号已锁定" : $"{user.UserName} 账号已停用，拒绝登录", user.OrganId);
            await db.SaveChangesAsync();
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? L["登录失败次数过多，账号已被锁定，请15分钟后再试或联系管理员解锁。"]
            : user?.IsDisabled == true ? L["该账号已停用，请联系管理员。"] : L["用户名或密码不正确。"]);
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin";
}
