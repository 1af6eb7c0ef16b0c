using System.Net;
using System.Net.Http.Headers;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform;

/// <summary>A department administrator sees only their own organ: another organ's record answers 404, not 403.</summary>
public abstract class ScopingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private async Task<(HttpClient Client, string Token, StaffUser Own, StaffUser Other, Guid OwnOrgan, Guid OtherOrgan)> ArrangeAsync(string suffix)
    {
        var own = (await app.OrganAsync("区民政局")).Id;
        var other = (await app.OrganAsync("区财政局")).Id;
        var deptAdmin = await app.StaffAsync("mz-admin" + suffix, "Dept-pass-001", (StaffRole.DepartmentAdministrator, own));
        var ownEditor = await app.StaffAsync("mz-editor" + suffix, "Dept-pass-002", (StaffRole.Editor, own));
        var otherEditor = await app.StaffAsync("cz-editor" + suffix, "Dept-pass-003", (StaffRole.Editor, other));
        var client = app.Browser();
        await client.SignInOkAsync(deptAdmin.UserName!, "Dept-pass-001");
        return (client, await app.TokenAsync(deptAdmin.Id), ownEditor, otherEditor, own, other);
    }

    [Fact]
    public async Task Another_organs_staff_member_answers_404_on_the_page()
    {
        var a = await ArrangeAsync("1");
        Assert.Equal(HttpStatusCode.OK, (await a.Client.GetAsync($"/admin/staff/edit/{a.Own.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.GetAsync($"/admin/staff/edit/{a.Other.Id}")).StatusCode);

        var list = (await a.Client.GetStringAsync("/admin/staff")).Text();
        Assert.Contains(a.Own.UserName!, list);
        Assert.DoesNotContain(a.Other.UserName!, list);
    }

    [Fact]
    public async Task Another_organ_answers_404_and_is_not_listed()
    {
        var a = await ArrangeAsync("2");
        Assert.Equal(HttpStatusCode.OK, (await a.Client.GetAsync($"/admin/organs/edit/{a.OwnOrgan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.GetAsync($"/admin/organs/edit/{a.OtherOrgan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.GetAsync("/admin/organs/edit")).StatusCode);
        var list = (await a.Client.GetStringAsync("/admin/organs")).Text();
        Assert.Contains("区民政局", list);
        Assert.DoesNotContain("区财政局", list);
    }

    [Fact]
    public async Task Posting_to_another_organs_staff_member_answers_404_and_changes_nothing()
    {
        var a = await ArrangeAsync("3");
        var response = await a.Client.SubmitAsync($"/admin/staff/edit/{a.Own.Id}", [new("disable", "true")], $"/admin/staff/edit/{a.Other.Id}?handler=Status");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await app.WithDbAsync(async db => (await db.Users.FindAsync(a.Other.Id))!.IsDisabled));
    }

    [Fact]
    public async Task A_department_administrator_cannot_grant_district_wide_or_foreign_roles()
    {
        var a = await ArrangeAsync("4");
        var response = await a.Client.SubmitAsync("/admin/staff/edit",
        [
            new("Input.UserName", "mz-new4"), new("Input.DisplayName", "新人"), new("Input.OrganId", a.OwnOrgan.ToString()),
            new("Input.Password", "New-pass-0004"),
            new("RoleRows[0].Role", "SystemAdministrator"), new("RoleRows[0].Granted", "true"), new("RoleRows[0].OrganId", ""),
        ], "/admin/staff/edit?handler=Save");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = (await response.Content.ReadAsStringAsync()).Text();
        Assert.True(page.Contains("部门管理员只能在本单位范围内授予角色"), page[page.IndexOf("<main")..]);
        Assert.False(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.UserName == "mz-new4")));
    }

    [Fact]
    public async Task The_API_applies_the_same_scope_to_tokens()
    {
        var a = await ArrangeAsync("5");
        var api = app.Browser();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", a.Token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/staff/{a.Own.Id}")).StatusCode);
        var foreign = await api.GetAsync($"/api/v1/staff/{a.Other.Id}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_editor_without_administration_roles_is_refused_the_staff_pages()
    {
        var a = await ArrangeAsync("6");
        var editor = app.Browser();
        await editor.SignInOkAsync(a.Own.UserName!, "Dept-pass-002");
        var response = await editor.GetAsync("/admin/staff");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/denied", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/staff/edit/{a.Own.Id}")).StatusCode);
    }
}

public sealed class ScopingTests_Sqlite(SqliteApp app) : ScopingTests<SqliteApp>(app);

public sealed class ScopingTests_Postgres(PostgresApp app) : ScopingTests<PostgresApp>(app);
