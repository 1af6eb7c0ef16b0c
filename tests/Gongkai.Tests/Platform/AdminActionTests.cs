using System.Net;
using System.Text;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Platform;

/// <summary>Every administrator action through the pages changes the record and writes its audit event.</summary>
public abstract class AdminActionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private async Task<HttpClient> AdminAsync()
    {
        var client = app.Browser();
        await client.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        return client;
    }

    private Task<Gongkai.Platform.Audit.AuditEvent?> LastAuditAsync(string action) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == action).OrderByDescending(e => e.Id).FirstOrDefaultAsync());

    private static KeyValuePair<string, string>[] OrganForm(string code, string shortName, string fullName, string aliases = "") =>
    [
        new("Input.Code", code), new("Input.ShortName", shortName), new("Input.FullName", fullName),
        new("Input.Aliases", aliases), new("Input.Kind", "Department"), new("Input.ReceivesRequests", "true"), new("Input.SortOrder", "99"),
    ];

    [Fact]
    public async Task Creating_and_editing_an_organ_is_audited_with_what_changed()
    {
        var client = await AdminAsync();
        var created = await client.SubmitAsync("/admin/organs/edit", OrganForm("XC801", "区新设局", "北京市西城区新设局", "新设局"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var organ = await app.OrganAsync("区新设局");
        Assert.Equal("新设局", Assert.Single(organ.Aliases).Name);
        var create = await LastAuditAsync("organ.create");
        Assert.Equal(organ.Id.ToString(), create!.TargetId);
        Assert.Equal(organ.Id, create.OrganId);
        Assert.Equal("SystemAdministrator", create.Role);

        var edited = await client.SubmitAsync($"/admin/organs/edit/{organ.Id}", OrganForm("XC801", "区新设局", "北京市西城区新设管理局", "新设局、新设管理局"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var update = await LastAuditAsync("organ.update");
        Assert.Contains("全称：北京市西城区新设局 → 北京市西城区新设管理局", update!.Summary);
        Assert.Contains("别名", update.Summary);
        Assert.Equal(2, (await app.OrganAsync("区新设局")).Aliases.Count);
    }

    [Theory]
    [InlineData("XC802", "区发改委", "北京市西城区重复委", "名称“区发改委”已被")]
    [InlineData("XC000", "区别的委", "北京市西城区别的委", "机构代码“XC000”已被其他机构使用")]
    [InlineData("", "区空码委", "北京市西城区空码委", "请填写机构代码")]
    [InlineData("XC 803", "区空格委", "北京市西城区空格委", "机构代码只能由字母")]
    [InlineData("XC804", "区同名委", "区同名委", "简称和全称不能相同")]
    public async Task A_bad_organ_is_refused_on_the_form_which_keeps_what_was_typed(string code, string shortName, string fullName, string message)
    {
        var client = await AdminAsync();
        var before = await app.WithDbAsync(db => db.AuditEvents.CountAsync());
        var response = await client.SubmitAsync("/admin/organs/edit", OrganForm(code, shortName, fullName));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = (await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains(message, html);
        Assert.Contains($"value=\"{fullName}\"", html);
        Assert.False(await app.WithDbAsync(db => db.Organs.AnyAsync(o => o.FullName == fullName && o.Code == code)));
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEvents.CountAsync()));
    }

    [Fact]
    public async Task Staff_lifecycle_is_audited_create_roles_disable_unlock_reset()
    {
        var client = await AdminAsync();
        var organ = (await app.OrganAsync("区教委")).Id.ToString();
        var create = await client.SubmitAsync("/admin/staff/edit",
        [
            new("Input.UserName", "jw-editor"), new("Input.DisplayName", "王编辑"), new("Input.OrganId", organ), new("Input.Password", "Edit-pass-0001"),
            new("RoleRows[0].Role", "Editor"), new("RoleRows[0].Granted", "true"), new("RoleRows[0].OrganId", organ),
        ], "/admin/staff/edit?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "jw-editor"));
        Assert.Contains("信息编辑（区教委）", (await LastAuditAsync("staff.create"))!.Summary);

        var page = $"/admin/staff/edit/{user.Id}";
        var roles = await client.SubmitAsync(page,
        [
            new("Input.UserName", "jw-editor"), new("Input.DisplayName", "王编辑"), new("Input.OrganId", organ),
            new("RoleRows[0].Role", "Editor"), new("RoleRows[0].Granted", "true"), new("RoleRows[0].OrganId", organ),
            new("RoleRows[1].Role", "Reviewer"), new("RoleRows[1].Granted", "true"), new("RoleRows[1].OrganId", organ),
        ], page + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, roles.StatusCode);
        Assert.Contains("增加[审核人（区教委）]", (await LastAuditAsync("staff.roles"))!.Summary);
        Assert.Equal(2, await app.WithDbAsync(db => db.RoleAssignments.CountAsync(r => r.UserId == user.Id)));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, [new("disable", "true")], page + "?handler=Status")).StatusCode);
        Assert.NotNull(await LastAuditAsync("staff.disable"));
        Assert.Contains("该账号已停用", (await (await app.Browser().SignInAsync("jw-editor", "Edit-pass-0001")).Content.ReadAsStringAsync()).Text());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, [new("disable", "false")], page + "?handler=Status")).StatusCode);
        Assert.NotNull(await LastAuditAsync("staff.enable"));

        for (var i = 0; i < 5; i++)
        {
            await app.Browser().SignInAsync("jw-editor", "wrong-password-" + i);
        }

        Assert.Contains("登录受限", (await client.GetStringAsync(page)).Text());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, [], page + "?handler=Unlock")).StatusCode);
        Assert.DoesNotContain("登录受限", (await client.GetStringAsync(page)).Text());
        Assert.NotNull(await LastAuditAsync("staff.unlock"));

        var reset = await client.SubmitAsync(page,
        [
            new("Input.UserName", "jw-editor"), new("Input.DisplayName", "王编辑"), new("Input.OrganId", organ), new("Input.Password", "Reset-pass-0002"),
            new("RoleRows[0].Role", "Editor"), new("RoleRows[0].Granted", "true"), new("RoleRows[0].OrganId", organ),
            new("RoleRows[1].Role", "Reviewer"), new("RoleRows[1].Granted", "true"), new("RoleRows[1].OrganId", organ),
        ], page + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.NotNull(await LastAuditAsync("staff.password.reset"));
        await app.Browser().SignInOkAsync("jw-editor", "Reset-pass-0002");
        Assert.DoesNotContain(await app.WithDbAsync(db => db.AuditEvents.Select(e => e.Summary).ToListAsync()), s => s != null && s.Contains("Reset-pass-0002"));
    }

    [Fact]
    public async Task A_weak_password_is_refused_in_Chinese_and_no_account_is_half_made()
    {
        var client = await AdminAsync();
        var response = await client.SubmitAsync("/admin/staff/edit",
        [
            new("Input.UserName", "weakling"), new("Input.DisplayName", "弱密码"), new("Input.Password", "short"),
            new("RoleRows[0].Role", "Editor"), new("RoleRows[0].Granted", "true"),
        ], "/admin/staff/edit?handler=Save");
        var html = (await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains("密码至少需要12个字符", html);
        Assert.Contains("value=\"weakling\"", html);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "weakling")));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Summary!.Contains("weakling"))));
    }

    [Fact]
    public async Task A_duplicate_user_name_is_refused()
    {
        var client = await AdminAsync();
        var response = await client.SubmitAsync("/admin/staff/edit",
            [new("Input.UserName", "admin"), new("Input.DisplayName", "冒名"), new("Input.Password", "Another-pass-1")], "/admin/staff/edit?handler=Save");
        Assert.Contains("用户名“admin”已被使用", (await response.Content.ReadAsStringAsync()).Text());
    }

    [Fact]
    public async Task Local_calendar_days_change_deadlines_at_once_and_are_audited()
    {
        var client = await AdminAsync();
        Assert.Equal("2026-03-16", await DueAsync(client));
        var added = await client.SubmitAsync("/admin/calendar",
            [new("Local.Date", "2026-03-02"), new("Local.Name", "区庆"), new("Local.IsOffDay", "true"), new("Local.Note", "区政府通知")],
            "/admin/calendar?handler=AddLocal");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("本地调整：2026年3月2日区庆放假", (await LastAuditAsync("calendar.local.add"))!.Summary);
        Assert.Equal("2026-03-17", await DueAsync(client));
        Assert.Contains("区庆", (await client.GetStringAsync("/admin/calendar?year=2026")).Text());

        var again = await client.SubmitAsync("/admin/calendar",
            [new("Local.Date", "2026-03-02"), new("Local.Name", "区庆"), new("Local.IsOffDay", "true")], "/admin/calendar?handler=AddLocal");
        Assert.Contains("已经是休息日", (await again.Content.ReadAsStringAsync()).Text());

        var removed = await client.SubmitAsync("/admin/calendar", [new("date", "2026-03-02")], "/admin/calendar?handler=RemoveLocal");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.NotNull(await LastAuditAsync("calendar.local.remove"));
        Assert.Equal("2026-03-16", await DueAsync(client));
    }

    private static async Task<string> DueAsync(HttpClient client)
    {
        var json = await client.GetStringAsync("/api/v1/calendar/add?from=2026-02-10&workingDays=20");
        return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("due").GetString()!;
    }

    [Fact]
    public async Task A_new_year_can_be_loaded_and_then_counts()
    {
        var client = await AdminAsync();
        var problem = await client.GetAsync("/api/v1/calendar/add?from=2026-12-25&workingDays=5");
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);

        var bad = await client.SubmitAsync("/admin/calendar",
            [new("NewYear.Year", "2027"), new("NewYear.Source", "测试通知"), new("NewYear.Days", "2027-01-01 元旦\n")], "/admin/calendar?handler=LoadYear");
        Assert.Contains("第1行“2027-01-01 元旦”格式不正确", (await bad.Content.ReadAsStringAsync()).Text());
        Assert.False(await app.WithDbAsync(db => db.CalendarYears.AnyAsync(y => y.Year == 2027)));

        var gap = await client.SubmitAsync("/admin/calendar",
            [new("NewYear.Year", "2029"), new("NewYear.Source", "测试通知"), new("NewYear.Days", "")], "/admin/calendar?handler=LoadYear");
        Assert.Contains("只能载入相邻的", (await gap.Content.ReadAsStringAsync()).Text());

        var ok = await client.SubmitAsync("/admin/calendar",
            [new("NewYear.Year", "2027"), new("NewYear.Source", "测试通知"), new("NewYear.Days", "2027-01-01 元旦 休\n2027-01-02 元旦 休\n2027-01-03 元旦 休\n")],
            "/admin/calendar?handler=LoadYear");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("载入2027年节假日安排", (await LastAuditAsync("calendar.year.load"))!.Summary);
        Assert.Equal("2027-01-04", System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/calendar/add?from=2026-12-31&workingDays=1"))
            .RootElement.GetProperty("due").GetString());
    }

    [Fact]
    public async Task The_audit_page_filters_and_exports_CSV_that_Excel_opens()
    {
        var client = await AdminAsync();
        await client.SubmitAsync("/admin/organs/edit", OrganForm("XC805", "区导出局", "北京市西城区导出局", "=HYPERLINK(\"x\")"));
        var html = (await client.GetStringAsync("/admin/audit?Action=organ.")).Text();
        Assert.Contains("区导出局", html);
        Assert.DoesNotContain("staff.signin", html);

        var csv = await client.GetAsync("/admin/audit?handler=Csv&Action=organ.create");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("编号,时间,操作人,角色,单位,操作,对象类型,对象编号,内容,地址", lines[0]);
        var row = Assert.Single(lines, l => l.Contains("区导出局"));
        Assert.Contains(",organ.create,Organ,", row);
        Assert.Contains("系统管理员", row);
        Assert.All(lines.Skip(1), l => Assert.Contains(",organ.create,", l));

        var bad = await client.GetAsync("/admin/audit?From=not-a-date");
        Assert.Contains("日期格式不正确", (await bad.Content.ReadAsStringAsync()).Text());
    }

    [Fact]
    public async Task The_audit_log_cannot_be_changed()
    {
        await AdminAsync();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var e = await db.AuditEvents.FirstAsync();
            e.Summary = "篡改";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("只能追加", ex.Message);
    }

    [Fact]
    public async Task A_department_administrator_sees_only_their_organs_audit_events()
    {
        var own = (await app.OrganAsync("区审计局")).Id;
        await app.StaffAsync("sj-admin", "Audit-pass-01", (StaffRole.DepartmentAdministrator, own));
        var admin = await AdminAsync();
        await admin.SubmitAsync($"/admin/organs/edit/{own}", OrganForm("XC017", "区审计局", "北京市西城区审计局", "西城区审计局、区审计"));
        await admin.SubmitAsync("/admin/organs/edit", OrganForm("XC806", "区别处局", "北京市西城区别处局"));

        var client = app.Browser();
        await client.SignInOkAsync("sj-admin", "Audit-pass-01");
        var html = (await client.GetStringAsync("/admin/audit")).Text();
        Assert.Contains("北京市西城区审计局", html);
        Assert.DoesNotContain("区别处局", html);
    }
}

public sealed class AdminActionTests_Sqlite(SqliteApp app) : AdminActionTests<SqliteApp>(app);

public sealed class AdminActionTests_Postgres(PostgresApp app) : AdminActionTests<PostgresApp>(app);
