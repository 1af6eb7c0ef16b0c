using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Disclosure;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Disclosure;

/// <summary>政府信息公开指南: a default for every organ, edited by the right staff only, every save audited.</summary>
public abstract class GuideTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private static KeyValuePair<string, string>[] Form(string html, params (string Field, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match m in Regex.Matches(html, "<input[^>]*name=\"(Input\\.[A-Za-z]+)\"[^>]*value=\"([^\"]*)\""))
        {
            fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        foreach (Match m in Regex.Matches(html, "<textarea[^>]*name=\"(Input\\.[A-Za-z]+)\"[^>]*>([^<]*)</textarea>"))
        {
            fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value).TrimStart('\r', '\n');
        }

        foreach (var (field, value) in changes)
        {
            fields["Input." + field] = value;
        }

        return [.. fields];
    }

    private static readonly (string, string)[] Contact =
        [("OfficeAddress", "北京市西城区二龙路27号"), ("Phone", "010-88064036"), ("Fax", "010-88064037")];

    private Task<int> AuditCountAsync(Guid organ) => app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.OrganId == organ && e.Action.StartsWith("guide.")));

    [Fact]
    public async Task Every_organ_has_a_default_guide_with_the_Art12_contents_until_one_is_saved()
    {
        var organ = await app.OrganAsync("区卫生健康委");
        var (status, html) = await GetAsync($"/guide/{organ.Code}");
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var part in new[] { "政府信息的分类", "编排体系", "获取方式", "政府信息公开工作机构", "办公地址", "办公时间", "联系电话", "传真号码", "互联网联系方式", "依申请公开" })
        {
            Assert.Contains(part, html);
        }

        Assert.Contains("20个工作日内答复", html);
        Assert.Contains("7个工作日内一次性告知", html);
        Assert.Contains($"/catalogue/{organ.Code}", html);
        Assert.Contains("本机关尚未发布本指南", html);
        Assert.Contains("尚未公布", html);

        (status, html) = await GetAsync("/guide");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/guide/{organ.Code}\"", html);
        Assert.Contains("id=\"request\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/guide/NO-SUCH")).Status);
    }

    [Fact]
    public async Task A_department_administrator_edits_their_organs_guide_and_every_save_is_audited()
    {
        var organ = await app.OrganAsync("区体育局");
        var user = await app.StaffAsync("ty-admin", "Guide-pass-01", (StaffRole.DepartmentAdministrator, organ.Id));
        var client = app.Browser();
        await client.SignInOkAsync("ty-admin", "Guide-pass-01");
        var page = $"/admin/guide/{organ.Code}";
        var html = await client.GetStringAsync(page);
        Assert.Contains("本单位尚未发布指南", html.Text());

        // The generated placeholders must be replaced before the guide is published.
        var placeholder = await client.SubmitAsync(page, Form(html));
        Assert.Equal(HttpStatusCode.OK, placeholder.StatusCode);
        Assert.Contains("请填写办公地址：“尚未公布”是系统生成指南时的占位内容", (await placeholder.Content.ReadAsStringAsync()).Text());
        Assert.Equal(0, await AuditCountAsync(organ.Id));

        var created = await client.SubmitAsync(page, Form(html, Contact));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var first = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.OrganId == organ.Id && e.Action == "guide.create").SingleAsync());
        Assert.Equal(user.Id, first.ActorId);
        Assert.Equal("DepartmentAdministrator", first.Role);
        Assert.Contains("北京市西城区体育局", first.Summary);

        var (_, shown) = await GetAsync($"/guide/{organ.Code}");
        Assert.Contains("北京市西城区二龙路27号", shown);
        Assert.Contains("010-88064036", shown);
        Assert.Matches(@"更新日期：\d{4}年\d{1,2}月\d{1,2}日", shown);
        Assert.DoesNotContain("本机关尚未发布本指南", shown);

        html = await client.GetStringAsync(page);
        var updated = await client.SubmitAsync(page, Form(html, ("Phone", "010-88064000"), ("OfficeHours", "工作日 8:30—17:30")));
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        var update = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.OrganId == organ.Id && e.Action == "guide.update").SingleAsync());
        Assert.Equal("修改“北京市西城区体育局”政府信息公开指南：办公时间、联系电话", update.Summary);
        Assert.Contains("010-88064000", (await GetAsync($"/guide/{organ.Code}")).Html);

        // Saving what is already there changes nothing and records nothing.
        html = await client.GetStringAsync(page);
        var unchanged = await client.SubmitAsync(page, Form(html));
        Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        Assert.Contains("内容没有变化，未保存", (await client.GetStringAsync(page)).Text());
        Assert.Equal(2, await AuditCountAsync(organ.Id));
    }

    [Fact]
    public async Task Another_organs_guide_is_not_found_for_a_department_administrator_and_nothing_is_saved()
    {
        var own = await app.OrganAsync("区文化和旅游局");
        var other = await app.OrganAsync("区商务局");
        await app.StaffAsync("wl-admin", "Guide-pass-02", (StaffRole.DepartmentAdministrator, own.Id));
        var client = app.Browser();
        await client.SignInOkAsync("wl-admin", "Guide-pass-02");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/guide/{other.Code}")).StatusCode);
        var ownHtml = await client.GetStringAsync($"/admin/guide/{own.Code}");
        var post = await client.SubmitAsync($"/admin/guide/{own.Code}", Form(ownHtml, Contact), $"/admin/guide/{other.Code}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.OpennessGuides.AnyAsync(g => g.OrganId == other.Id)));
        Assert.Equal(0, await AuditCountAsync(other.Id));

        var list = await client.GetStringAsync("/admin/guide");
        Assert.Contains($"/admin/guide/{own.Code}", list);
        Assert.DoesNotContain($"/admin/guide/{other.Code}", list);

        // An editor holds no guide role at all.
        await app.StaffAsync("wl-editor", "Guide-pass-03", (StaffRole.Editor, own.Id));
        var editor = app.Browser();
        await editor.SignInOkAsync("wl-editor", "Guide-pass-03");
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/guide/{own.Code}")).StatusCode);
    }

    [Fact]
    public async Task The_openness_office_edits_any_guide_a_stale_form_is_refused_and_a_bad_phone_explained()
    {
        var organ = await app.OrganAsync("区科技和信息化局");
        await app.StaffAsync("gkb", "Guide-pass-04", (StaffRole.OpennessOffice, null));
        var client = app.Browser();
        await client.SignInOkAsync("gkb", "Guide-pass-04");
        var page = $"/admin/guide/{organ.Code}";
        var stale = await client.GetStringAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, Form(stale, Contact))).StatusCode);

        // A form opened before that save would overwrite it: refused, with the reason.
        var refused = await client.SubmitAsync(page, Form(stale, [.. Contact, ("Phone", "010-11112222")]));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("您打开的是旧版本", (await refused.Content.ReadAsStringAsync()).Text());
        Assert.DoesNotContain("010-11112222", (await GetAsync($"/guide/{organ.Code}")).Html);

        var fresh = await client.GetStringAsync(page);
        var bad = await client.SubmitAsync(page, Form(fresh, ("Phone", "见网站")));
        Assert.Contains("联系电话“见网站”不是有效的电话号码", (await bad.Content.ReadAsStringAsync()).Text());
        var empty = await client.SubmitAsync(page, Form(fresh, ("OfficeName", "")));
        Assert.Contains("请填写工作机构名称", (await empty.Content.ReadAsStringAsync()).Text());
        Assert.Equal(1, await AuditCountAsync(organ.Id));

        // Without the antiforgery token nothing is saved.
        var forged = await client.PostAsync(page, new FormUrlEncodedContent(Form(fresh, ("Phone", "010-99998888")).Where(f => f.Key != "__csrf")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(1, await AuditCountAsync(organ.Id));
    }

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var response = await app.Browser().GetAsync(url);
        return (response.StatusCode, (await response.Content.ReadAsStringAsync()).Text());
    }
}

public sealed class GuideTests_Sqlite(SqliteApp app) : GuideTests<SqliteApp>(app);

public sealed class GuideTests_Postgres(PostgresApp app) : GuideTests<PostgresApp>(app);
