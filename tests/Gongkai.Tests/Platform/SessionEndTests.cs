using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Tests.Platform;

/// <summary>A sign-in cookie copied before logout, disabling, a role change or a password change no longer works after it (issue 14, item 4).</summary>
public abstract class SessionEndTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private const string Password = "Session-pass-2026";

    /// <summary>Signs in without a cookie jar and returns the sign-in cookie as a browser would send it (the copy an attacker would take).</summary>
    private async Task<string> SignInCookieAsync(string userName, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/account/login");
        var csrfCookie = CookieFrom(page, "gk.csrf");
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent([new("UserName", userName), new("Password", password), new("__csrf", WebUtility.HtmlDecode(token))]),
        };
        post.Headers.Add("Cookie", csrfCookie);
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return CookieFrom(response, "gk.auth");
    }

    private static string CookieFrom(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "="));

    private async Task<HttpStatusCode> WithCookieAsync(string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/password");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    private async Task<HttpClient> AdminApiAsync()
    {
        var api = app.Browser();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(await app.AdminIdAsync()));
        return api;
    }

    [Fact]
    public async Task A_cookie_copied_before_logout_no_longer_works_after_it()
    {
        await app.StaffAsync("sess-out", Password, (StaffRole.Editor, null));
        var copied = await SignInCookieAsync("sess-out", Password);
        var user = app.Browser();
        await user.SignInOkAsync("sess-out", Password);
        Assert.Equal(HttpStatusCode.OK, await WithCookieAsync(copied));

        Assert.Equal(HttpStatusCode.Redirect, (await user.SubmitAsync("/account/password", [], "/account/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await WithCookieAsync(copied));
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/account/password")).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_at_once()
    {
        await app.StaffAsync("sess-off", Password, (StaffRole.Editor, null));
        var copied = await SignInCookieAsync("sess-off", Password);
        Assert.Equal(HttpStatusCode.OK, await WithCookieAsync(copied));
        Assert.Equal(HttpStatusCode.OK, (await (await AdminApiAsync()).PostAsJsonAsync("/api/v1/admin/staff/sess-off/disabled", new { disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await WithCookieAsync(copied));

        // Enabling again does not bring the old session back.
        Assert.Equal(HttpStatusCode.OK, (await (await AdminApiAsync()).PostAsJsonAsync("/api/v1/admin/staff/sess-off/disabled", new { disabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await WithCookieAsync(copied));
    }

    [Fact]
    public async Task A_role_change_ends_the_accounts_sessions_at_once()
    {
        var organ = (await app.OrganAsync("区教委")).Id.ToString();
        var target = await app.StaffAsync("sess-role", Password, (StaffRole.Editor, (await app.OrganAsync("区教委")).Id));
        var copied = await SignInCookieAsync("sess-role", Password);
        Assert.Equal(HttpStatusCode.OK, await WithCookieAsync(copied));

        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var page = $"/admin/staff/edit/{target.Id}";
        var saved = await admin.SubmitAsync(page,
        [
            new("Input.UserName", "sess-role"), new("Input.DisplayName", target.DisplayName), new("Input.OrganId", organ),
            new("RoleRows[0].Role", "Reviewer"), new("RoleRows[0].Granted", "true"), new("RoleRows[0].OrganId", organ),
        ], page + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await WithCookieAsync(copied));
    }

    [Fact]
    public async Task Changing_ones_password_ends_the_other_sessions_and_keeps_this_one()
    {
        await app.StaffAsync("sess-pw", Password, (StaffRole.Editor, null));
        var copied = await SignInCookieAsync("sess-pw", Password);
        var user = app.Browser();
        await user.SignInOkAsync("sess-pw", Password);
        var changed = await user.SubmitAsync("/account/password", [new("Current", Password), new("New", "Session-pass-2027"), new("Confirm", "Session-pass-2027")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await WithCookieAsync(copied));
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/account/password")).StatusCode);
    }
}

public sealed class SessionEndTests_Sqlite(SqliteApp app) : SessionEndTests<SqliteApp>(app);

public sealed class SessionEndTests_Postgres(PostgresApp app) : SessionEndTests<PostgresApp>(app);
