using System.Net;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Organisation;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Disclosure;

/// <summary>
/// Organs' English names (issue 16, the English version) on both databases: set on the staff organ page (validated,
/// audited), filled by the demo for the district's organs, shown on every English page that names an organ, and the
/// Chinese name marked lang="zh-CN" where an organ has none.
/// </summary>
public abstract class EnglishOrganNamesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private static List<KeyValuePair<string, string>> Form(Organ o, string? english) =>
    [
        new("Input.Code", o.Code), new("Input.ShortName", o.ShortName), new("Input.FullName", o.FullName), new("Input.EnglishName", english ?? ""),
        new("Input.Aliases", string.Join("、", o.Aliases.Select(a => a.Name))), new("Input.Kind", o.Kind.ToString()),
        new("Input.ParentId", o.ParentId?.ToString() ?? ""), new("Input.SortOrder", o.SortOrder.ToString()),
        new("Input.ReceivesRequests", o.ReceivesRequests ? "true" : "false"), new("Input.IsActive", o.IsActive ? "true" : "false"),
    ];

    private async Task<HttpClient> AdminAsync()
    {
        var client = app.Browser();
        await client.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        return client;
    }

    [Fact]
    public async Task The_demo_names_the_districts_organs_in_English()
    {
        Assert.All(DemoOrganisation.Organs, o => Assert.False(string.IsNullOrWhiteSpace(o.EnglishName), o.FullName));
        Assert.Equal(DemoOrganisation.Organs.Count, DemoOrganisation.Organs.Select(o => o.EnglishName).Distinct().Count());
        // Loaded with the organisation (the other test here changes two of them).
        Assert.Equal("Xicheng District Finance Bureau", (await app.OrganAsync("区财政局")).EnglishName);
        Assert.Equal("Xinjiekou Subdistrict Office", (await app.OrganAsync("新街口街道")).EnglishName);
    }

    [Fact]
    public async Task Staff_set_and_clear_the_English_name_and_the_English_pages_show_it_or_the_Chinese_name_marked_as_Chinese()
    {
        var admin = await AdminAsync();
        var sports = await app.OrganAsync("区体育局");
        var page = $"/admin/organs/edit/{sports.Id}";
        var html = await admin.GetStringAsync(page);
        Assert.Contains("name=\"Input.EnglishName\"", html);
        Assert.Contains("value=\"Xicheng District Sports Bureau\"", html);

        // Not English: refused with the field named, nothing saved.
        var refused = await admin.SubmitAsync(page, Form(sports, "西城区体育局"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("英文名称只能使用英文字母、数字和标点", (await refused.Content.ReadAsStringAsync()).Text());
        Assert.Equal("Xicheng District Sports Bureau", (await app.OrganAsync("区体育局")).EnglishName);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, Form(sports, "  Sports   Bureau of Xicheng District "))).StatusCode);
        Assert.Equal("Sports Bureau of Xicheng District", (await app.OrganAsync("区体育局")).EnglishName);
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "organ.update" && e.TargetId == sports.Id.ToString()).OrderBy(e => e.Id).Select(e => e.Summary).ToListAsync());
        Assert.Contains("英文名称：Xicheng District Sports Bureau → Sports Bureau of Xicheng District", audit.Last());

        // Cleared: the English pages fall back to the Chinese full name, marked as Chinese.
        var civil = await app.OrganAsync("区民政局");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/admin/organs/edit/{civil.Id}", Form(civil, ""))).StatusCode);
        Assert.Null((await app.OrganAsync("区民政局")).EnglishName);

        var about = (await app.Browser().GetStringAsync("/en/about")).Text();
        Assert.Contains("<li>Sports Bureau of Xicheng District</li>", about);
        Assert.Contains("<li><span lang=\"zh-CN\">北京市西城区民政局</span></li>", about);
        Assert.DoesNotContain("<ul class=\"organ-list\" id=\"organ-names\" lang=\"zh-CN\">", about);

        var form = (await app.Browser().GetStringAsync("/en/request")).Text();
        Assert.Contains($"<option value=\"{sports.Id}\">Sports Bureau of Xicheng District</option>", form);
        Assert.Contains($"<option value=\"{civil.Id}\" lang=\"zh-CN\">北京市西城区民政局</option>", form);

        var guide = (await app.Browser().GetStringAsync("/en/guide")).Text();
        Assert.Contains("<td id=\"guide-organ\">People's Government of Xicheng District, Beijing</td>", guide);

        // A document in English names its publishing organ in English, or in Chinese marked as such.
        var sportsDoc = await app.PublishAsync(new Publishing.Doc("关于举办全民健身运动会的通知", Organ: "区体育局"));
        var civilDoc = await app.PublishAsync(new Publishing.Doc("关于调整低保标准的通知", Organ: "区民政局"));
        await app.AsAdminAsync(async sp =>
        {
            foreach (var (id, title) in new[] { (sportsDoc, "Notice on the fitness games"), (civilDoc, "Notice on the subsistence allowance") })
            {
                var doc = await sp.GetRequiredService<DocumentFinder>().FindAsync(id);
                await sp.GetRequiredService<SetEnglishVersion>().HandleAsync(doc!, title, null);
            }

            return 0;
        });
        var sportsPage = (await app.Browser().GetStringAsync($"/en/documents/{sportsDoc}")).Text();
        Assert.Contains("<dt>Published by</dt><dd id=\"doc-organ\">Sports Bureau of Xicheng District</dd>", sportsPage);
        var civilPage = (await app.Browser().GetStringAsync($"/en/documents/{civilDoc}")).Text();
        Assert.Contains("<dd id=\"doc-organ\"><span lang=\"zh-CN\">北京市西城区民政局</span></dd>", civilPage);
    }
}

public sealed class EnglishOrganNamesTests_Sqlite(SqliteApp app) : EnglishOrganNamesTests<SqliteApp>(app);

public sealed class EnglishOrganNamesTests_Postgres(PostgresApp app) : EnglishOrganNamesTests<PostgresApp>(app);
