using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Gongkai.Platform.Staff;
using Gongkai.Reports;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Imports;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Reports;

/// <summary>
/// The import page with reports of 2019 and later: a published report's text, the platform's own PDF and the format's
/// Excel template are imported with R1–R8 as warnings (table 四's wrong total flagged there), stored as the year's
/// published report and shown in the report view; a file that cannot be read saves nothing; another organ's import is
/// refused; and the next year's R6/R7 compare with the imported figures when the platform has no records of that year.
/// </summary>
public abstract class PublishedReportImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    private async Task<HttpClient> AdminAsync()
    {
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        return admin;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string organ, int year, byte[] file, string name)
    {
        var token = await client.CsrfTokenAsync("/admin/reports/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__csrf" }, { new StringContent(organ), "Organ" }, { new StringContent(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Year" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "Upload", name);
        return await client.PostAsync("/admin/reports/import", form);
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_published_text_pdf_and_template_import_with_warnings_and_show_in_the_report_view()
    {
        app.Clock.SetDay("2026-03-02");
        var admin = await AdminAsync();
        var organ = await app.OrganAsync("区民政局");

        // The published text of 2022: stored, table 四's 行政复议 total flagged exactly, the rest consistent.
        var html = await HtmlAsync(await UploadAsync(admin, organ.Code, 2022, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Reports", "Published", "report-2022-format2021.txt")), "年报.txt"));
        Assert.Contains("id=\"import-result\"", html);
        var warnings = Regex.Matches(html, @"<li data-rule=""(R\d)"">([^<]*)</li>").Select(m => (m.Groups[1].Value, System.Net.WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        Assert.Equal([("R5", "R5：行政复议：总计为5，而2＋1＋0＋1＝4")], warnings.Where(w => w.Item1 is not ("R6" or "R7")));
        // 2021 has no records on the platform: the cross-year rules warn against its (empty) computed figures.
        Assert.Contains(("R6", "R6：“自然人”列：本年上年结转为5，上年结转下年度为0"), warnings);
        var stored = await app.WithDbAsync(db => db.AnnualReports.SingleAsync(r => r.OrganId == organ.Id && r.Year == 2022));
        Assert.Equal(("import2021", ReportStatus.Published), (stored.FormatId, stored.Status));
        PublishedReportTextTests.Assert2022(ImportedReports.Figures(stored)!.Cells);

        // The report view shows the imported year, the failing total marked at its cells as a warning.
        var view = System.Net.WebUtility.HtmlDecode(await HtmlAsync(await admin.GetAsync($"/admin/reports/{organ.Id}/2022")));
        var at = view.IndexOf("reconsideration-total", StringComparison.Ordinal);
        Assert.True(at > 0 && view.Contains("<span class=\"rule-failure\" data-rule=\"R5\">", StringComparison.Ordinal), view[Math.Max(0, at - 50)..Math.Min(view.Length, at + 300)]);
        Assert.Contains("id=\"imported-note\"", view);
        Assert.Contains("data-cell=\"二5|licensing|decisions\"><span class=\"value\">1256</span>", view);
        Assert.Contains("data-cell=\"四|all|reconsideration-total\" class=\"rule-failed\"><span class=\"value\">5</span><span class=\"rule-failure\" data-rule=\"R5\">R5（提示）", view);
        Assert.DoesNotContain("id=\"report-form\"", view);

        // The platform's own PDF of a 2020 report (trial format) and the 2021 template filled.
        var figures2020 = PublishedReports.Figures(ReportFormat.Trial2019, 7);
        html = await HtmlAsync(await UploadAsync(admin, organ.Code, 2020, PublishedReports.Pdf(PublishedReports.View(2020, figures2020)), "2020.pdf"));
        Assert.Contains("国办公开办函〔2019〕60号格式，PDF）", html);
        var figures2023 = PublishedReports.Figures(ReportFormat.National2021, 8);
        html = await HtmlAsync(await UploadAsync(admin, organ.Code, 2023, ReportXlsx.Write(ReportFormat.National2021, figures2023, ReportWorkbook.TemplateTitle(ReportFormat.National2021)), "模板.xlsx"));
        Assert.Contains("Excel模板）", html);
        var saved = await app.WithDbAsync(db => db.AnnualReports.Where(r => r.OrganId == organ.Id && (r.Year == 2020 || r.Year == 2023)).OrderBy(r => r.Year).ToListAsync());
        Assert.Equal(figures2020.Cells.OrderBy(c => c.Key), ImportedReports.Figures(saved[0])!.Cells.OrderBy(c => c.Key));
        Assert.Equal(figures2023.Cells.OrderBy(c => c.Key), ImportedReports.Figures(saved[1])!.Cells.OrderBy(c => c.Key));
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "report.imported" && a.OrganId == organ.Id)));

        // The template offered for each format is the national layout of that format.
        var template = await admin.GetAsync("/admin/reports/import?handler=Template&format=2019");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Empty(ReportWorkbook.Read(ReportXlsx.Write(ReportFormat.Trial2019, figures2020, "x"), ReportFormat.Trial2019).Keys.Except(figures2020.Cells.Keys));
        Assert.Contains("模板中没有填写任何数量", Assert.Throws<Gongkai.Platform.ValidationFailure>(() => ReportWorkbook.Read(template.Content.ReadAsByteArrayAsync().Result, ReportFormat.Trial2019)).Message);
    }

    [Fact]
    public async Task Unreadable_files_a_report_made_on_the_platform_and_another_organ_save_nothing()
    {
        app.Clock.SetDay("2026-03-02");
        var admin = await AdminAsync();
        var organ = await app.OrganAsync("区教委");
        async Task Refused(HttpClient client, int year, byte[] file, string name, string message)
        {
            var html = await HtmlAsync(await UploadAsync(client, organ.Code, year, file, name));
            Assert.Contains(message, System.Net.WebUtility.HtmlDecode(html));
            Assert.DoesNotContain("id=\"import-result\"", html);
        }

        await Refused(admin, 2022, "一、总体情况\n本局工作顺利。"u8.ToArray(), "a.txt", "没有找到标题“二、主动公开政府信息情况”");
        var broken = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reports", "Published", "report-2022-format2021.txt")).Replace("80  4  0  0  2  0  86", "80  4  86", StringComparison.Ordinal);
        await Refused(admin, 2022, System.Text.Encoding.UTF8.GetBytes(broken), "a.txt", "表三“一、本年新收政府信息公开申请数量”一行读到3个数字（80 4 86），应有7个");
        await Refused(admin, 2026, PublishedReports.Pdf(PublishedReports.View(2025, PublishedReports.Figures(ReportFormat.National2021, 1))), "a.pdf", "尚未到公布的时候");
        Assert.False(await app.WithDbAsync(db => db.AnnualReports.AnyAsync(r => r.OrganId == organ.Id)));

        // A report made on the platform is not overwritten by an import.
        await app.WithDbAsync(async db =>
        {
            db.AnnualReports.Add(new AnnualReport { OrganId = organ.Id, Year = 2024, Overview = "平台上编制", CreatedAt = app.Clock.Now, UpdatedAt = app.Clock.Now });
            return await db.SaveChangesAsync();
        });
        await Refused(admin, 2024, PublishedReports.Pdf(PublishedReports.View(2024, PublishedReports.Figures(ReportFormat.National2021, 2))), "a.pdf", "已在平台上编制（草稿），不能用导入的报告覆盖");
        Assert.Equal("2021", await app.WithDbAsync(db => db.AnnualReports.Where(r => r.OrganId == organ.Id && r.Year == 2024).Select(r => r.FormatId).SingleAsync()));

        // A department administrator of another organ: 404, nothing saved.
        var other = await app.OrganAsync("区财政局");
        await app.StaffAsync("pi-cz", "Report-pass-5", (StaffRole.DepartmentAdministrator, other.Id));
        var department = app.Browser();
        await department.SignInOkAsync("pi-cz", "Report-pass-5");
        var pdf = PublishedReports.Pdf(PublishedReports.View(2023, PublishedReports.Figures(ReportFormat.National2021, 3)));
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(department, organ.Code, 2023, pdf, "a.pdf")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.AnnualReports.AnyAsync(r => r.OrganId == organ.Id && r.Year == 2023)));
    }

    [Fact]
    public async Task The_next_years_R6_and_R7_compare_with_the_imported_figures()
    {
        app.Clock.SetDay("2026-03-02");
        var admin = await AdminAsync();
        var organ = await app.OrganAsync("区卫生健康委");
        var page = $"/admin/reports/{organ.Id}/2025";
        string Outcome(string html, string rule) => Regex.Match(html, $"data-rule=\"{rule}\" data-outcome=\"(\\w+)\"").Groups[1].Value;

        // No records of 2024 on the platform: the computed 2024 carries nothing into 2025, R6 and R7 agree.
        var before = await HtmlAsync(await admin.GetAsync(page));
        Assert.Equal("Passed", Outcome(before, "R6"));
        Assert.Equal("Passed", Outcome(before, "R7"));

        // The published 2024 report carried requests into 2025 and had 行政规范性文件 in force: 2025 (with no requests
        // carried in and no documents on the platform) disagrees, and says so with the imported figures.
        var figures = PublishedReports.Figures(ReportFormat.National2021, 11);
        var t3 = ReportFormat.National2021.Table3;
        var carried = figures.Value(t3, "out", "NaturalPerson");
        Assert.True(carried > 0);
        var html = await HtmlAsync(await UploadAsync(admin, organ.Code, 2024, PublishedReports.Pdf(PublishedReports.View(2024, figures)), "2024.pdf"));
        Assert.Contains("id=\"import-result\"", html);
        var after = System.Net.WebUtility.HtmlDecode(await HtmlAsync(await admin.GetAsync(page)));
        Assert.Equal("Failed", Outcome(after, "R6"));
        Assert.Contains($"“自然人”列：本年上年结转为0，上年结转下年度为{carried}", after);
        Assert.Equal("Failed", Outcome(after, "R7"));
        Assert.Contains($"“行政规范性文件”：上年现行有效{figures.Value(NationalFormat2021.Item1, "normative", "valid")}＋本年制发0－本年废止0", after);
    }
}

public sealed class PublishedReportImportTests_Sqlite(ReportClockedSqliteApp app) : PublishedReportImportTests<ReportClockedSqliteApp>(app);

public sealed class PublishedReportImportTests_Postgres(ReportClockedPostgresApp app) : PublishedReportImportTests<ReportClockedPostgresApp>(app);
