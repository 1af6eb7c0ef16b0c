using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Platform;

public abstract partial class SignInTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    [Fact]
    public async Task The_administrator_signs_in_with_the_configured_password_and_reaches_the_work_list()
    {
        var client = app.Browser();
        var response = await client.SignInAsync("admin", GongkaiApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.ToString());

        var html = (await client.GetStringAsync("/admin")).Text();
        Assert.Contains("工作台", html);
        Assert.Contains("组织机构", html);
        Assert.Contains("系统管理员（全区）", html);
        var signIns = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "staff.signin" && e.Summary!.Contains("admin")));
        Assert.True(signIns >= 1);
    }

    [Fact]
    public async Task Staff_pages_send_anonymous_visitors_to_sign_in()
    {
        var response = await app.Browser().GetAsync("/admin/organs");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=%2Fadmin%2Forgans", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message()
    {
        await app.StaffAsync("wrongpw", "Right-pass-01", (StaffRole.Editor, null));
        var response = await app.Browser().SignInAsync("wrongpw", "not-the-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", (await response.Content.ReadAsStringAsync()).Text());
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_message_as_a_wrong_password()
    {
        var response = await app.Browser().SignInAsync("nobody-" + Guid.NewGuid().ToString("N")[..6], "whatever-123");
        Assert.Contains("用户名或密码不正确", (await response.Content.ReadAsStringAsync()).Text());
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var user = await app.StaffAsync("disabled1", "Right-pass-03", (StaffRole.Editor, null));
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == user.Id)).IsDisabled = true;
            return await db.SaveChangesAsync();
        });
        var response = await app.Browser().SignInAsync("disabled1", "Right-pass-03");
        Assert.Contains("该账号已停用", (await response.Content.ReadAsStringAsync()).Text());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        var response = await app.Browser().PostAsync("/account/login",
            new FormUrlEncodedContent([new("UserName", "admin"), new("Password", GongkaiApp.AdminPassword)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = app.Browser();
        await client.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var response = await client.SubmitAsync("/admin", [], "/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Staff_change_their_own_password_and_mismatches_are_explained()
    {
        await app.StaffAsync("changer", "Old-pass-0001", (StaffRole.Editor, null));
        var client = app.Browser();
        await client.SignInOkAsync("changer", "Old-pass-0001");

        var mismatch = await client.SubmitAsync("/account/password", [new("Current", "Old-pass-0001"), new("New", "New-pass-0001"), new("Confirm", "New-pass-0002")]);
        Assert.Contains("两次输入的新密码不一致", (await mismatch.Content.ReadAsStringAsync()).Text());
        var wrong = await client.SubmitAsync("/account/password", [new("Current", "not-it-0001"), new("New", "New-pass-0001"), new("Confirm", "New-pass-0001")]);
        Assert.Contains("密码不正确", (await wrong.Content.ReadAsStringAsync()).Text());

        var ok = await client.SubmitAsync("/account/password", [new("Current", "Old-pass-0001"), new("New", "New-pass-0001"), new("Confirm", "New-pass-0001")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await app.Browser().SignInOkAsync("changer", "New-pass-0001");
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "staff.password.change" && e.Summary!.Contains("changer"))));
    }

    [GeneratedRegex("<code id=\"shared-key\">([^<]+)</code>")]
    private static partial Regex SharedKey();

    [Fact]
    public async Task Two_factor_sign_in_with_an_authenticator_code()
    {
        await app.StaffAsync("totpuser", "Right-pass-04", (StaffRole.Editor, null));
        var client = app.Browser();
        await client.SignInOkAsync("totpuser", "Right-pass-04");

        var setup = await client.GetStringAsync("/account/two-factor");
        var key = SharedKey().Match(setup).Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(key));

        var wrong = await client.SubmitAsync("/account/two-factor", [new("Code", "000000")], "/account/two-factor?handler=Enable");
        Assert.Contains("验证码不正确", (await wrong.Content.ReadAsStringAsync()).Text());

        // ASP.NET Core Identity checks an authenticator code against the machine's clock, not the application's TimeProvider.
        var enable = await client.SubmitAsync("/account/two-factor", [new("Code", Totp.Code(key, TestClock.Machine.GetUtcNow()))], "/account/two-factor?handler=Enable");
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        Assert.Contains("已启用两步验证", (await client.GetStringAsync("/account/two-factor")).Text());

        var fresh = app.Browser();
        var first = await fresh.SignInAsync("totpuser", "Right-pass-04");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/login-2fa", first.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/admin")).StatusCode);

        var second = await fresh.SubmitAsync(first.Headers.Location!.ToString(), [new("Code", Totp.Code(key, TestClock.Machine.GetUtcNow()))]);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/admin")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "staff.2fa.enable")));
    }
}

public sealed class SignInTests_Sqlite(SqliteApp app) : SignInTests<SqliteApp>(app);

public sealed class SignInTests_Postgres(PostgresApp app) : SignInTests<PostgresApp>(app);
