using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Portal;

/// <summary>
/// The portal as a district 政府网站 (issue 16 item 1): the home page's dated lists from the published documents, the
/// columns 要闻动态 / 通知公告 / 政策文件, every link of the home page and the navigation answering 200, the organ pages, the
/// 年度报告 column with a report published by the annual-report module, the site's own pages and the page metadata.
/// </summary>
public abstract partial class PortalColumnsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    [GeneratedRegex("<a [^>]*href=\"([^\"]*)\"")]
    private static partial Regex Href();

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var response = await app.Browser().GetAsync(url);
        return (response.StatusCode, (await response.Content.ReadAsStringAsync()).Text());
    }

    private Task<string> PublishedDayAsync(Guid id) =>
        app.WithDbAsync(async db => ChineseDates.Iso(ChineseDates.LocalDay((await db.Documents.SingleAsync(d => d.Id == id)).PublishedAt!.Value)));

    [Fact]
    public async Task Columns_list_their_documents_by_information_type_with_dates_and_never_a_withdrawn_or_unpublished_one()
    {
        app.Clock.SetDay("2026-11-16");
        var news = await app.PublishAsync(new Publishing.Doc("区民政局召开冬季救助工作部署会", Type: InformationType.News, Category: "民政、扶贫、救灾\\社会福利"));
        var notice = await app.PublishAsync(new Publishing.Doc("关于开展2026年冬季救助的通知", Type: InformationType.Notice));
        var policy = await app.PublishAsync(new Publishing.Doc("西城区临时救助实施办法", Type: InformationType.NormativeDocument, Number: "西民发〔2026〕9号"));
        var other = await app.PublishAsync(new Publishing.Doc("救助工作方案（其他政策文件）", Type: InformationType.PolicyDocument));
        var withdrawn = await app.PublishAsync(new Publishing.Doc("已撤回的动态稿件", Type: InformationType.News));
        await app.WithdrawAsync(withdrawn);
        await app.PublishAsync(new Publishing.Doc("未发布的动态草稿", Type: InformationType.News, Publish: false));

        var (status, html) = await GetAsync("/news");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>要闻动态</h1>", html);
        Assert.Matches($"<a href=\"/documents/{news}\">区民政局召开冬季救助工作部署会</a>[\\s\\S]*?<time datetime=\"{await PublishedDayAsync(news)}\">", html);
        Assert.DoesNotContain("关于开展2026年冬季救助的通知", html);
        Assert.DoesNotContain("已撤回的动态稿件", html);
        Assert.DoesNotContain("未发布的动态草稿", html);
        Assert.Contains("<meta name=\"ColumnName\" content=\"要闻动态\">", html);
        Assert.Contains("<meta name=\"ColumnType\" content=\"信息发布\">", html);

        (_, html) = await GetAsync("/notices");
        Assert.Contains($"href=\"/documents/{notice}\"", html);
        Assert.DoesNotContain($"href=\"/documents/{news}\"", html);

        (_, html) = await GetAsync("/policies");
        Assert.Contains($"href=\"/documents/{policy}\"", html);
        Assert.Contains($"href=\"/documents/{other}\"", html);
        Assert.DoesNotContain($"href=\"/documents/{notice}\"", html);

        // The home page: the three dated lists, each continuing in its column.
        (status, html) = await GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches($"<a href=\"/news\">要闻动态</a>[\\s\\S]*?<a href=\"/documents/{news}\">[^<]+</a> <time datetime=\"\\d{{4}}-\\d{{2}}-\\d{{2}}\">", html);
        Assert.Matches($"<a href=\"/notices\">通知公告</a>[\\s\\S]*?href=\"/documents/{notice}\"", html);
        Assert.Matches($"<a href=\"/catalogue\">最新公开</a>[\\s\\S]*?href=\"/documents/{other}\"", html);
        Assert.DoesNotContain("已撤回的动态稿件", html);

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/newsx")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("/news?page=0")).Status);
    }

    [Fact]
    public async Task Every_link_of_the_home_page_and_the_navigation_answers_200_and_nothing_is_dead_text()
    {
        app.Clock.SetDay("2026-11-16");
        await app.PublishAsync(new Publishing.Doc("链接检查用的通知", Type: InformationType.Notice));
        var (_, home) = await GetAsync("/");
        Assert.DoesNotContain("href=\"/#", home);
        var nav = Regex.Match(home, "<nav class=\"main-nav\"[\\s\\S]*?</nav>").Value;
        Assert.Equal(["/", "/news", "/notices", "/policies", "/catalogue", "/requests/new", "/interpretations", "/consultations"],
            Href().Matches(nav).Select(m => m.Groups[1].Value));

        // The column cards: every entry is a link (no plain-text <li>), and the modules that do not exist are not shown.
        var grid = Regex.Match(home, "<div class=\"portal-grid\">[\\s\\S]*?</div>").Value;
        Assert.DoesNotMatch("<li>[^<]", grid);
        foreach (var absent in new[] { "区长信箱", "政府开放日", "会议开放", "数据目录" })
        {
            Assert.DoesNotContain(absent, home);
        }

        foreach (var expected in new[] { "/annual-reports", "/policies", "/interpretations", "/consultations", "/evaluations", "/plans", "/api/docs", "/sitemap", "/site-errors", "/contact", "/accessibility", "/organs" })
        {
            Assert.Contains($"href=\"{expected}\"", home);
        }

        var links = Href().Matches(home).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(links.Count > 60, $"only {links.Count} links on the home page");
        var failures = new List<string>();
        foreach (var link in links)
        {
            var response = await app.Browser().GetAsync(link);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Redirect))
            {
                failures.Add($"{link}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Pages_carry_the_site_metadata_and_the_footer_its_registrations()
    {
        app.Clock.SetDay("2026-11-16");
        var id = await app.PublishAsync(new Publishing.Doc("元数据检查用的动态", Type: InformationType.News));
        foreach (var path in new[] { "/", "/news", "/organs", "/annual-reports", "/sitemap", "/contact", $"/documents/{id}" })
        {
            var (status, html) = await GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("<meta name=\"SiteName\" content=\"北京市西城区人民政府\">", html);
            Assert.Contains("<meta name=\"SiteIDCode\" content=\"1101020000\">", html);
            Assert.Contains("<meta name=\"SiteDomain\"", html);
            Assert.Contains("网站标识码：1101020000", html);
            Assert.Contains("京ICP备00000000号-1", html);
            Assert.Contains("京公网安备 11010200000000号", html);
            Assert.Contains("主办：北京市西城区人民政府办公室", html);
            foreach (var link in new[] { "/contact", "/site-errors", "/sitemap", "/accessibility", "/preferences/elder?on=1" })
            {
                Assert.Contains($"href=\"{link}", html);
            }

            if (path != "/" && !path.StartsWith("/documents", StringComparison.Ordinal))
            {
                Assert.Matches("<meta name=\"ColumnName\" content=\"[^\"]+\">", html);
                Assert.Matches("<meta name=\"ColumnType\" content=\"[^\"]+\">", html);
            }
        }

        var (_, doc) = await GetAsync($"/documents/{id}");
        Assert.Matches("<meta name=\"PubDate\" content=\"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\">", doc);
        Assert.Contains("<meta name=\"ArticleTitle\" content=\"元数据检查用的动态\">", doc);
        Assert.Contains("<meta name=\"ContentSource\" content=\"北京市西城区民政局\">", doc);

        var (_, contact) = await GetAsync("/contact");
        Assert.Contains("gongkai@example.gov.cn", contact);
        var xml = await app.Browser().GetStringAsync("/sitemap.xml");
        foreach (var path in new[] { "/news", "/notices", "/policies", "/annual-reports", "/organs", "/sitemap" })
        {
            Assert.Contains($"{path}</loc>", xml);
        }

        Assert.Matches("/organs/[^<]+</loc>", xml);
        var (_, map) = await GetAsync("/sitemap");
        foreach (var column in new[] { "要闻动态", "通知公告", "政策文件", "政府信息公开年度报告", "政策评价", "重点工作落实情况", "网站找错", "开发者接口" })
        {
            Assert.Contains(column + "</a>", map);
        }
    }

    [Fact]
    public async Task An_organ_page_shows_its_guide_catalogue_recent_information_reports_and_contact()
    {
        app.Clock.SetDay("2026-11-16");
        var organ = await app.OrganAsync("区审计局");
        var doc = await app.PublishAsync(new Publishing.Doc("审计局的公开信息", Organ: "区审计局", Type: InformationType.Notice));
        await app.PublishAsync(new Publishing.Doc("审计局依申请公开的信息", Organ: "区审计局", Attribute: DisclosureAttribute.OnRequest));

        var (status, html) = await GetAsync($"/organs/{organ.Code}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<h1>{organ.FullName}</h1>", html);
        Assert.Contains($"href=\"/guide/{organ.Code}\"", html);
        Assert.Contains($"href=\"/catalogue/{organ.Code}\">政府信息公开目录（1条）", html);
        Assert.Contains($"href=\"/documents/{doc}\"", html);
        Assert.DoesNotContain("审计局依申请公开的信息", html);
        Assert.Contains("联系方式", html);
        Assert.Contains("办公地址", html);
        Assert.Contains("本机关尚未在本站发布政府信息公开工作年度报告", html);

        // The home page and the list of organs link the organ's page.
        Assert.Contains($"<a href=\"/organs/{organ.Code}\">{organ.ShortName}</a>", (await GetAsync("/")).Html);
        Assert.Contains($"<a href=\"/organs/{organ.Code}\">{organ.ShortName}</a>", (await GetAsync("/organs")).Html);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/organs/NO-SUCH-ORGAN")).Status);
    }

    [Fact]
    public async Task The_annual_report_column_lists_reports_published_by_the_report_module_by_year_with_their_pdf()
    {
        app.Clock.SetDay("2026-01-20");
        var organ = await app.OrganAsync("区财政局");
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var page = $"/admin/reports/{organ.Id}/2025";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, [new("Input.Overview", "本年度依法做好政府信息公开工作。"), new("Input.Problems", "无。")], page + "?handler=Save")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, [], page + "?handler=Check")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, [], page + "?handler=Publish")).StatusCode);
        var title = $"{organ.FullName}2025年政府信息公开工作年度报告";
        var doc = await app.WithDbAsync(db => db.Documents.Include(d => d.Attachments).SingleAsync(d => d.OrganId == organ.Id && d.InformationType == InformationType.AnnualReport));
        var pdf = doc.Attachments.Single(a => a.FileName.EndsWith(".pdf", StringComparison.Ordinal));

        var (status, html) = await GetAsync("/annual-reports");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2025年度（1份）", html);
        Assert.Contains($"<a href=\"/organs/{organ.Code}\">{organ.ShortName}</a>", html);
        Assert.Contains($"<a href=\"/documents/{doc.Id}\">{title}</a>", html);
        Assert.Contains($"href=\"/documents/{doc.Id}/attachments/{pdf.Id}\"", html);
        Assert.Contains("尚未在本站发布2025年度报告的公开主体", html);
        Assert.Contains($"<a href=\"/documents/{doc.Id}\">{title}</a>", (await GetAsync("/annual-reports?year=2025")).Html);
        Assert.Contains("本年度暂无已发布的年度报告", (await GetAsync("/annual-reports?year=2024")).Html);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("/annual-reports?year=20x5")).Status);

        var download = await app.Browser().GetAsync($"/documents/{doc.Id}/attachments/{pdf.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await download.Content.ReadAsByteArrayAsync())[..4]));

        // The organ's page lists it too; a withdrawn report leaves the column.
        Assert.Contains($"href=\"/documents/{doc.Id}/attachments/{pdf.Id}\"", (await GetAsync($"/organs/{organ.Code}")).Html);
        await app.WithdrawAsync(doc.Id, "年度报告数据有误，更正后重新发布");
        Assert.DoesNotContain(title, (await GetAsync("/annual-reports?year=2025")).Html);
    }

    [Theory]
    [InlineData("2025年政府信息公开工作年度报告", "2026-01-20", 2025)]
    [InlineData("北京市西城区民政局2019年度政府信息公开工作年度报告", "2020-03-01", 2019)]
    [InlineData("区教委政务公开工作年度报告", "2026-02-10", 2025)]
    [InlineData("区教委政务公开工作年度报告", "2026-06-10", 2026)]
    public void The_year_of_a_report_is_the_one_its_title_names(string title, string written, int year) =>
        Assert.Equal(year, Gongkai.Disclosure.Portal.AnnualReportDocuments.YearOf(title, DateOnly.Parse(written, System.Globalization.CultureInfo.InvariantCulture)));
}

public sealed class PortalColumnsTests_Sqlite(ClockedSqliteApp app) : PortalColumnsTests<ClockedSqliteApp>(app);

public sealed class PortalColumnsTests_Postgres(ClockedPostgresApp app) : PortalColumnsTests<ClockedPostgresApp>(app);
