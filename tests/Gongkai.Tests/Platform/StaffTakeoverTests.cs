using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Platform;

/// <summary>
/// Who may manage an account depends on every role it holds: a 部门管理员 cannot reset, disable, unlock or edit a
/// 系统管理员 of their own organ, nor an account of their organ holding a role in another organ (issue 14, item 1).
/// </summary>
public abstract class StaffTakeoverTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private const string DeptPassword = "Dept-admin-pass-7";
    private const string VictimPassword = "Victim-pass-0007";

    private sealed record Arranged(HttpClient Page, HttpClient Api, StaffUser SysAdmin, StaffUser CrossOrgan, StaffUser OwnEditor, StaffUser Foreign, Guid A, Guid B);

    private async Task<Arranged> ArrangeAsync(string suffix)
    {
        var a = (await app.OrganAsync("区民政局")).Id;
        var b = (await app.OrganAsync("区财政局")).Id;
        var dept = await app.StaffAsync("t-dept" + suffix, DeptPassword, (StaffRole.DepartmentAdministrator, a));
        var sysAdmin = await app.StaffAsync("t-sys" + suffix, VictimPassword, (StaffRole.Editor, a), (StaffRole.SystemAdministrator, null));
        var cross = await app.StaffAsync("t-cross" + suffix, VictimPassword, (StaffRole.Editor, a), (StaffRole.RequestHandler, b));
        var ownEditor = await app.StaffAsync("t-own" + suffix, VictimPassword, (StaffRole.Editor, a));
        var foreign = await app.StaffAsync("t-foreign" + suffix, VictimPassword, (StaffRole.Editor, b));
        var page = app.Browser();
        await page.SignInOkAsync(dept.UserName!, DeptPassword);
        var api = app.Browser();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(dept.Id));
        return new Arranged(page, api, sysAdmin, cross, ownEditor, foreign, a, b);
    }

    private static KeyValuePair<string, string>[] SaveForm(StaffUser user, Guid organ, string password) =>
    [
        new("Input.UserName", user.UserName!), new("Input.DisplayName", "改名"), new("Input.OrganId", organ.ToString()), new("Input.Password", password),
        new("RoleRows[0].Role", "Editor"), new("RoleRows[0].Granted", "true"), new("RoleRows[0].OrganId", organ.ToString()),
    ];

    private async Task AssertUnchangedAsync(StaffUser victim)
    {
        var now = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == victim.Id));
        Assert.Equal(victim.PasswordHash, now.PasswordHash);
        Assert.Equal(victim.DisplayName, now.DisplayName);
        Assert.False(now.IsDisabled);
        await app.Browser().SignInOkAsync(victim.UserName!, VictimPassword);
    }

    [Fact]
    public async Task A_department_administrator_cannot_take_over_a_system_administrator_of_their_organ_through_the_pages()
    {
        var x = await ArrangeAsync("1");
        var edit = $"/admin/staff/edit/{x.SysAdmin.Id}";
        var get = await x.Page.GetAsync(edit);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Contains("只能由系统管理员管理", (await get.Content.ReadAsStringAsync()).Text());

        var own = $"/admin/staff/edit/{x.OwnEditor.Id}";
        var save = await x.Page.SubmitAsync(own, SaveForm(x.SysAdmin, x.A, "Taken-over-pass-1"), edit + "?handler=Save");
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Contains("账号未作任何修改", (await save.Content.ReadAsStringAsync()).Text());
        Assert.Equal(HttpStatusCode.Forbidden, (await x.Page.SubmitAsync(own, [new("disable", "true")], edit + "?handler=Status")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await x.Page.SubmitAsync(own, [], edit + "?handler=Unlock")).StatusCode);
        await AssertUnchangedAsync(x.SysAdmin);
        Assert.DoesNotContain(x.SysAdmin.UserName!, (await x.Page.GetStringAsync("/admin/staff")).Text());
    }

    [Fact]
    public async Task A_department_administrator_cannot_take_over_an_account_of_their_organ_holding_a_role_in_another_organ()
    {
        var x = await ArrangeAsync("2");
        var edit = $"/admin/staff/edit/{x.CrossOrgan.Id}";
        var own = $"/admin/staff/edit/{x.OwnEditor.Id}";
        var save = await x.Page.SubmitAsync(own, SaveForm(x.CrossOrgan, x.A, "Taken-over-pass-2"), edit + "?handler=Save");
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await x.Page.SubmitAsync(own, [new("disable", "true")], edit + "?handler=Status")).StatusCode);
        await AssertUnchangedAsync(x.CrossOrgan);
        Assert.True(await app.WithDbAsync(db => db.RoleAssignments.AnyAsync(r => r.UserId == x.CrossOrgan.Id && r.Role == StaffRole.RequestHandler && r.OrganId == x.B)));
    }

    [Fact]
    public async Task The_staff_API_refuses_the_same_takeovers_with_403_and_hides_other_organs_with_404()
    {
        var x = await ArrangeAsync("3");
        foreach (var victim in new[] { x.SysAdmin, x.CrossOrgan })
        {
            var reset = await x.Api.PostAsJsonAsync($"/api/v1/admin/staff/{victim.UserName}/password", new { password = "Taken-over-pass-3" });
            Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
            Assert.Contains("只能由系统管理员管理", (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
            Assert.Equal(HttpStatusCode.Forbidden, (await x.Api.PostAsJsonAsync($"/api/v1/admin/staff/{victim.UserName}/disabled", new { disabled = true })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await x.Api.GetAsync($"/api/v1/staff/{victim.Id}")).StatusCode);
            await AssertUnchangedAsync(victim);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await x.Api.PostAsJsonAsync($"/api/v1/admin/staff/{x.Foreign.UserName}/password", new { password = "Taken-over-pass-3" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await x.Api.PostAsJsonAsync("/api/v1/admin/staff/no-such-user/disabled", new { disabled = true })).StatusCode);
        await AssertUnchangedAsync(x.Foreign);
    }

    [Fact]
    public async Task The_staff_API_creates_resets_and_disables_within_reach_and_audits_it()
    {
        var x = await ArrangeAsync("4");
        var created = await x.Api.PostAsJsonAsync("/api/v1/admin/staff", new
        {
            userName = "t-api4", displayName = "接口新建", organCode = await OrganCodeAsync(x.A), password = "Api-created-pass-4",
            roles = new[] { new { role = "Editor", organCode = (string?)await OrganCodeAsync(x.A) } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Editor", body.GetProperty("roles")[0].GetProperty("role").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await x.Api.PostAsJsonAsync("/api/v1/admin/staff/t-api4/password", new { password = "Api-reset-pass-44" })).StatusCode);
        var disabled = await x.Api.PostAsJsonAsync("/api/v1/admin/staff/t-api4/disabled", new { disabled = true });
        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Summary!.Contains("t-api4")).Select(e => e.Action).ToListAsync());
        Assert.Contains("staff.create", actions);
        Assert.Contains("staff.password.reset", actions);
        Assert.Contains("staff.disable", actions);
    }

    [Fact]
    public async Task The_staff_API_refuses_roles_beyond_the_caller_and_bad_input_in_Chinese()
    {
        var x = await ArrangeAsync("5");
        var code = await OrganCodeAsync(x.A);
        var sys = await x.Api.PostAsJsonAsync("/api/v1/admin/staff", new
        {
            userName = "t-api5", displayName = "越权", organCode = code, password = "Api-created-pass-5",
            roles = new[] { new { role = "SystemAdministrator", organCode = (string?)null } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, sys.StatusCode);
        Assert.Contains("部门管理员只能在本单位范围内授予角色", (await sys.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var badRole = await x.Api.PostAsJsonAsync("/api/v1/admin/staff", new { userName = "t-api5", displayName = "乱填", organCode = code, password = "Api-created-pass-5", roles = new[] { new { role = "King", organCode = code } } });
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("角色“King”无效", (await badRole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var badOrgan = await x.Api.PostAsJsonAsync("/api/v1/admin/staff", new { userName = "t-api5", displayName = "乱填", organCode = "NOPE", password = "Api-created-pass-5", roles = Array.Empty<object>() });
        Assert.Contains("机构代码“NOPE”不存在", (await badOrgan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "t-api5")));

        var editor = app.Browser();
        editor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(x.OwnEditor.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync("/api/v1/admin/staff", new { userName = "t-api5b", displayName = "编辑建号", organCode = code, password = "Api-created-pass-5", roles = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().PostAsJsonAsync("/api/v1/admin/staff/t-own5/disabled", new { disabled = true })).StatusCode);
    }

    private Task<string> OrganCodeAsync(Guid id) => app.WithDbAsync(db => db.Organs.Where(o => o.Id == id).Select(o => o.Code).SingleAsync());
}

public sealed class StaffTakeoverTests_Sqlite(SqliteApp app) : StaffTakeoverTests<SqliteApp>(app);

public sealed class StaffTakeoverTests_Postgres(PostgresApp app) : StaffTakeoverTests<PostgresApp>(app);
