using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Platform;

public abstract class ApiTokenTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private HttpClient Api(string? token)
    {
        var client = app.Browser();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task A_token_identifies_its_owner()
    {
        var token = await app.TokenAsync(await app.AdminIdAsync());
        var me = await Api(token).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("admin", me.GetProperty("userName").GetString());
        Assert.Equal("SystemAdministrator", me.GetProperty("roles")[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task No_token_or_a_bad_token_is_401_with_problem_details()
    {
        await ProblemAsync(await Api(null).GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await Api("gk_not-a-real-token").GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await Api("something-else").GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_not_accepted_by_the_API()
    {
        var client = app.Browser();
        await client.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_and_the_revocation_is_audited()
    {
        var user = await app.StaffAsync("revoker", "Revoke-pass-1", (StaffRole.Editor, null));
        var token = await app.TokenAsync(user.Id);
        Assert.Equal(HttpStatusCode.OK, (await Api(token).GetAsync("/api/v1/me")).StatusCode);

        var client = app.Browser();
        await client.SignInOkAsync("revoker", "Revoke-pass-1");
        var id = await app.WithDbAsync(db => db.ApiTokens.Where(t => t.UserId == user.Id).Select(t => t.Id).SingleAsync());
        var response = await client.SubmitAsync("/admin/tokens", [new("id", id.ToString())], "/admin/tokens?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api(token).GetAsync("/api/v1/me")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "token.revoke" && e.TargetId == id.ToString())));
    }

    [Fact]
    public async Task The_token_page_shows_a_new_token_once_and_stores_only_its_hash()
    {
        var user = await app.StaffAsync("tokenpage", "Token-pass-01", (StaffRole.Editor, null));
        var client = app.Browser();
        await client.SignInOkAsync("tokenpage", "Token-pass-01");
        var response = await client.SubmitAsync("/admin/tokens", [new("Name", "数据对接"), new("ValidDays", "30")], "/admin/tokens?handler=Create");
        var html = await response.Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(html, "<code id=\"new-token\" class=\"wrap\">(gk_[^<]+)</code>").Groups[1].Value;
        Assert.StartsWith("gk_", secret);
        Assert.DoesNotContain(secret, await client.GetStringAsync("/admin/tokens"));
        Assert.False(await app.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.Hash == secret)));
        Assert.Equal(HttpStatusCode.OK, (await Api(secret).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Creating_an_organ_through_the_API_is_saved_and_audited()
    {
        var token = await app.TokenAsync(await app.AdminIdAsync());
        var response = await Api(token).PostAsJsonAsync("/api/v1/organs", new
        {
            code = "XC901",
            shortName = "区测试委",
            fullName = "北京市西城区测试委员会",
            aliases = "测试委、区测委",
            kind = "Department",
            receivesRequests = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var organ = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = organ.GetProperty("id").GetString();
        Assert.Equal(2, organ.GetProperty("aliases").GetArrayLength());
        Assert.Equal($"/api/v1/organs/{id}", response.Headers.Location?.ToString());
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "organ.create" && e.TargetId == id));
        Assert.Equal("SystemAdministrator", audit.Role);
        Assert.Contains("系统管理员", audit.ActorName);
    }

    [Fact]
    public async Task A_duplicate_organ_name_is_400_with_a_Chinese_message_and_nothing_saved()
    {
        var token = await app.TokenAsync(await app.AdminIdAsync());
        var before = await app.WithDbAsync(db => db.Organs.CountAsync());
        var response = await Api(token).PostAsJsonAsync("/api/v1/organs", new
        {
            code = "XC902",
            shortName = "区发改委",
            fullName = "北京市西城区另一个委员会",
            kind = "Department",
        });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("名称“区发改委”已被“北京市西城区发展和改革委员会”使用", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Organs.CountAsync()));
    }

    [Fact]
    public async Task A_malformed_body_is_400_problem_details()
    {
        var token = await app.TokenAsync(await app.AdminIdAsync());
        var response = await Api(token).PostAsync("/api/v1/organs", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_editor_token_cannot_create_organs()
    {
        var user = await app.StaffAsync("apieditor", "Editor-pass-1", (StaffRole.Editor, null));
        var response = await Api(await app.TokenAsync(user.Id)).PostAsJsonAsync("/api/v1/organs", new { code = "XC903", shortName = "区某委", fullName = "北京市西城区某委员会" });
        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("系统管理员", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("2026-02-10", 20, "2026-03-16")]
    [InlineData("2024-09-27", 20, "2024-10-30")]
    public async Task The_calendar_API_computes_and_explains_deadlines(string from, int days, string due)
    {
        var result = await Api(null).GetFromJsonAsync<JsonElement>($"/api/v1/calendar/add?from={from}&workingDays={days}");
        Assert.Equal(due, result.GetProperty("due").GetString());
        Assert.True(result.GetProperty("explanation").GetArrayLength() >= 3);
        var day = await Api(null).GetFromJsonAsync<JsonElement>("/api/v1/calendar/days/2026-02-14");
        Assert.True(day.GetProperty("workingDay").GetBoolean());
        Assert.Equal("春节调休上班", day.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("/api/v1/calendar/add?from=2026-02-30&workingDays=3", "格式不正确")]
    [InlineData("/api/v1/calendar/add?from=2026-12-20&workingDays=20", "超出已载入的节假日安排")]
    [InlineData("/api/v1/calendar/add?from=2026-01-05", "workingDays")]
    [InlineData("/api/v1/calendar/days/2031-01-01", "不在已载入的节假日安排范围内")]
    public async Task Calendar_mistakes_are_400_with_the_reason(string url, string expected)
    {
        var problem = await ProblemAsync(await Api(null).GetAsync(url), HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }
}

public sealed class ApiTokenTests_Sqlite(SqliteApp app) : ApiTokenTests<SqliteApp>(app);

public sealed class ApiTokenTests_Postgres(PostgresApp app) : ApiTokenTests<PostgresApp>(app);
