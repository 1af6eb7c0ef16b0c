using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform;

/// <summary>Weak passwords are refused in Chinese; a password set by someone else must be changed at the first sign-in (issue 14, item 5).</summary>
public abstract class PasswordRulesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private async Task<HttpClient> AdminApiAsync()
    {
        var api = app.Browser();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(await app.AdminIdAsync()));
        return api;
    }

    [Theory]
    [InlineData("1234567890", "至少需要12个字符")]
    [InlineData("password12", "至少需要12个字符")]
    [InlineData("123456789012", "不能全是数字")]
    [InlineData("aaaaaaaaaaaa", "同一个字符")]
    [InlineData("abcdefghijklm", "连续的字符")]
    [InlineData("password2026", "过于常见")]
    [InlineData("woaini1314520", "过于常见")]
    [InlineData("1qaz2wsx3edc", "过于常见")]
    [InlineData("qwertyuiop123", "过于常见")]
    [InlineData("pw-weak-userX-2026", "不能包含用户名")]
    public async Task Weak_passwords_are_refused_with_a_Chinese_reason(string password, string reason)
    {
        var api = await AdminApiAsync();
        var name = "pw-weak-" + Guid.NewGuid().ToString("N")[..5];
        var created = await api.PostAsJsonAsync("/api/v1/admin/staff", new
        {
            userName = password.Contains("userX") ? "pw-weak-userx" : name, displayName = "弱密码", organCode = (string?)null,
            password, roles = Array.Empty<object>(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains(reason, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_good_password_is_accepted_and_the_account_must_change_it_at_first_sign_in()
    {
        var api = await AdminApiAsync();
        var created = await api.PostAsJsonAsync("/api/v1/admin/staff", new
        {
            userName = "pw-first", displayName = "首次登录", organCode = (string?)null, password = "Given-by-admin-26", roles = new[] { new { role = "Evaluator", organCode = (string?)null } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var client = app.Browser();
        await client.SignInOkAsync("pw-first", "Given-by-admin-26");
        var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/account/password", admin.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/requests")).StatusCode);

        var token = await app.TokenAsync(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.UserName == "pw-first").Select(u => u.Id))));
        var own = app.Browser();
        own.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/api/v1/me")).StatusCode);

        var same = await client.SubmitAsync("/account/password?first=true", [new("Current", "Given-by-admin-26"), new("New", "Given-by-admin-26"), new("Confirm", "Given-by-admin-26")]);
        Assert.Contains("新密码不能与当前密码相同", (await same.Content.ReadAsStringAsync()).Text());
        var changed = await client.SubmitAsync("/account/password?first=true", [new("Current", "Given-by-admin-26"), new("New", "Chosen-by-me-2026"), new("Confirm", "Chosen-by-me-2026")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }
}

public sealed class PasswordRulesTests_Sqlite(SqliteApp app) : PasswordRulesTests<SqliteApp>(app);

public sealed class PasswordRulesTests_Postgres(PostgresApp app) : PasswordRulesTests<PostgresApp>(app);

/// <summary>Without GONGKAI_ADMIN_PASSWORD the generated password goes to an owner-only file (output is redirected here) and must be changed.</summary>
public sealed class GeneratedAdminPasswordApp : SqliteApp
{
    public string PasswordFile { get; } = Path.Combine(Path.GetTempPath(), "gk-initial-" + Guid.NewGuid().ToString("N")[..8], "initial-admin-password.txt");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["GONGKAI_ADMIN_PASSWORD"] = "",
        ["Staff:InitialPasswordFile"] = PasswordFile,
    };
}

public sealed class GeneratedAdminPasswordTests(GeneratedAdminPasswordApp app) : IClassFixture<GeneratedAdminPasswordApp>
{
    [Fact]
    public async Task The_generated_password_is_in_an_owner_only_file_and_must_be_changed_at_first_sign_in()
    {
        Assert.True(Console.IsOutputRedirected, "the test runner redirects output, as a service manager would");
        _ = app.CreateClient();
        Assert.True(File.Exists(app.PasswordFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(app.PasswordFile));
        }

        var password = System.Text.RegularExpressions.Regex.Match(await File.ReadAllTextAsync(app.PasswordFile), "初始密码：(\\S+?)（").Groups[1].Value;
        Assert.True(password.Length >= 12, password);

        var client = app.Browser();
        await client.SignInOkAsync("admin", password);
        var admin = await client.GetAsync("/admin/staff");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/account/password", admin.Headers.Location?.ToString());
        Assert.Contains("请先设置自己的新密码", (await client.GetStringAsync(admin.Headers.Location!.ToString())).Text());
        var changed = await client.SubmitAsync("/account/password?first=true", [new("Current", password), new("New", "Own-choice-pass-26"), new("Confirm", "Own-choice-pass-26")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/staff")).StatusCode);
    }
}
