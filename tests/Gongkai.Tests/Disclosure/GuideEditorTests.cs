using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Disclosure;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Disclosure;

/// <summary>
/// The shared editor on 政府信息公开指南 (issue 16): a Word table pasted into 政府信息的分类 is stored sanitised and shown as
/// a table on the public guide; the plain text of the other sections keeps showing as paragraphs; saving the same form
/// again changes and records nothing (the stored rich text reads back as itself).
/// </summary>
public abstract class GuideEditorTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private const string WordTable = """
        <html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=ZH-CN><!--StartFragment-->
        <p class=MsoNormal><span style='font-family:仿宋_GB2312'>本机关主动公开的政府信息分为以下几类：<o:p></o:p></span></p>
        <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
         <tr><td width=200 style='border:solid windowtext 1.0pt'><p class=MsoNormal><b>类别<o:p></o:p></b></p></td><td><p class=MsoNormal><b>栏目</b></p></td></tr>
         <tr><td><p class=MsoNormal>机构职能</p></td><td><p class=MsoNormal>机构概况</p></td></tr>
         <tr><td><p class=MsoNormal>档案查阅</p></td><td><p class=MsoNormal>馆藏介绍</p></td></tr>
        </table><!--EndFragment--></body></html>
        """;

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

    [Fact]
    public async Task A_word_table_in_the_guide_is_stored_sanitised_shown_as_a_table_and_a_second_save_changes_nothing()
    {
        var organ = await app.OrganAsync("区档案局");
        await app.StaffAsync("da-guide", "Guide-pass-07", (StaffRole.DepartmentAdministrator, organ.Id));
        var client = app.Browser();
        await client.SignInOkAsync("da-guide", "Guide-pass-07");
        var page = $"/admin/guide/{organ.Code}";
        var html = await client.GetStringAsync(page);
        Assert.Equal(4, Regex.Matches(html, "data-rich-text").Count);
        Assert.Contains("<textarea id=\"Input_Classification\" name=\"Input.Classification\"", html);

        var saved = await client.SubmitAsync(page, Form(html,
            ("Classification", WordTable), ("OfficeAddress", "北京市西城区二龙路27号"), ("Phone", "010-88064036"), ("Fax", "010-88064037")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var guide = await app.WithDbAsync(db => db.OpennessGuides.SingleAsync(g => g.OrganId == organ.Id));
        Assert.Contains("<td>档案查阅</td>", guide.Classification);
        Assert.DoesNotContain("Mso", guide.Classification);
        Assert.DoesNotContain("style=", guide.Classification);
        Assert.DoesNotContain("<p>", guide.RequestProcedure.Split('\n')[0]);

        var shown = (await app.Browser().GetStringAsync($"/guide/{organ.Code}")).Text();
        Assert.Contains("<td>档案查阅</td>", shown);
        Assert.Matches("<(b|strong)>类别</(b|strong)>", shown);
        // The default guide's plain text sections still show one paragraph a line.
        var firstLine = guide.RequestProcedure.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        Assert.Contains($"<p>{firstLine}</p>", shown);

        // The form as it now stands, saved again: nothing changes, nothing is recorded.
        var events = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.OrganId == organ.Id && e.Action.StartsWith("guide.")));
        html = await client.GetStringAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, Form(html))).StatusCode);
        Assert.Equal(events, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.OrganId == organ.Id && e.Action.StartsWith("guide."))));
    }

    [Fact]
    public async Task Unsafe_markup_in_the_guide_is_refused_with_the_section_named()
    {
        var organ = await app.OrganAsync("区医保局");
        await app.StaffAsync("yb-guide", "Guide-pass-08", (StaffRole.DepartmentAdministrator, organ.Id));
        var client = app.Browser();
        await client.SignInOkAsync("yb-guide", "Guide-pass-08");
        var page = $"/admin/guide/{organ.Code}";
        var html = await client.GetStringAsync(page);
        var refused = await client.SubmitAsync(page, Form(html,
            ("Access", "<p>可在线获取</p><iframe src=\"https://example.com\"></iframe>"), ("OfficeAddress", "北京市西城区二龙路27号"), ("Phone", "010-88064036")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("获取方式含有脚本、事件属性或内嵌框架等不安全内容", (await refused.Content.ReadAsStringAsync()).Text());
        Assert.False(await app.WithDbAsync(db => db.OpennessGuides.AnyAsync(g => g.OrganId == organ.Id)));
    }
}

public sealed class GuideEditorTests_Sqlite(SqliteApp app) : GuideEditorTests<SqliteApp>(app);

public sealed class GuideEditorTests_Postgres(PostgresApp app) : GuideEditorTests<PostgresApp>(app);
