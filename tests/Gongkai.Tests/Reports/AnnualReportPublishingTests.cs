using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Staff;
using Gongkai.Reports;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Deadlines;
using Gongkai.Requests;
using Gongkai.Requests.Appeals;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Reports;

/// <summary>
/// The parts of 年度报告 around the computed report: publishing it as a 年度报告 document of the catalogue (refused
/// without 核对 or with a failing hard rule and no override; 更正 and republication as a new version), the district
/// report summing every organ, the overview with 逾期 from the deadlines, the January reminders run on a fake clock and
/// seen on the work list, the records behind the cells of tables 二 and 四, and the import upload page.
/// </summary>
public abstract class AnnualReportPublishingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    private async Task<HttpClient> AdminAsync()
    {
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        return admin;
    }

    private static PlannedRequest Request(string number, DateOnly received, DateOnly? closed, RequestOutcome? outcome) =>
        new(number, RequestChannel.Online, ApplicantType.NaturalPerson, received, closed, outcome, Timeliness.OnTime);

    private async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).Text();
    }

    [Fact]
    public async Task Publishing_puts_the_checked_report_in_the_catalogue_with_pdf_and_excel_and_refuses_a_failing_rule_without_override()
    {
        app.Clock.SetDay("2026-01-20");
        var organ = await app.OrganAsync("区财政局");
        var admin = await AdminAsync();
        var page = $"/admin/reports/{organ.Id}/2025";
        int AnnualDocs(Gongkai.Platform.Data.GongkaiDb db) => db.Documents.Count(d => d.OrganId == organ.Id && d.InformationType == InformationType.AnnualReport);

        // Not checked yet: refused, nothing published.
        Assert.Contains("须先核对", await ErrorsAsync(await admin.SubmitAsync(page, [], page + "?handler=Publish")));
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(AnnualDocs(db))));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, [new("Input.Overview", "本年共收到申请{本年新收申请}件。"), new("Input.Problems", "人员不足。")],
            page + "?handler=Save")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, [], page + "?handler=Check")).StatusCode);

        // A record arrives after checking that breaks a hard rule (closed without an outcome): no override recorded → refused.
        await ReportTestData.InsertAsync(app, organ.Id, [Request("PB-CZ-BAD", new(2025, 4, 1), new(2025, 4, 10), null)]);
        var refused = await ErrorsAsync(await admin.SubmitAsync(page, [], page + "?handler=Publish"));
        Assert.Contains("没有记录例外理由，不能发布", refused);
        Assert.Contains("R4", refused);
        var unchanged = await app.WithDbAsync(db => db.AnnualReports.SingleAsync(r => r.OrganId == organ.Id && r.Year == 2025));
        Assert.Equal(ReportStatus.Checked, unchanged.Status);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(AnnualDocs(db))));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "report.published" && e.OrganId == organ.Id)));

        // Checked again with the reason recorded: published.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, [new("OverrideReason", "迁移前办结的申请，结果待补录")], page + "?handler=Check")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, [], page + "?handler=Publish")).StatusCode);
        var doc = await app.WithDbAsync(db => db.Documents.Include(d => d.Attachments).SingleAsync(d => d.OrganId == organ.Id && d.InformationType == InformationType.AnnualReport));
        var title = $"{organ.FullName}2025年政府信息公开工作年度报告";
        Assert.Equal((title, DocumentStatus.Published, DisclosureAttribute.Proactive, 1), (doc.Title, doc.Status, doc.Attribute, doc.Version));
        Assert.NotNull(doc.IndexNumber);
        Assert.Equal([".pdf", ".xlsx"], doc.Attachments.OrderBy(a => a.SortOrder).Select(a => Path.GetExtension(a.FileName)));
        var saved = await app.WithDbAsync(db => db.AnnualReports.SingleAsync(r => r.OrganId == organ.Id && r.Year == 2025));
        Assert.Equal(ReportStatus.Published, saved.Status);
        Assert.Equal(1, JsonDocument.Parse(saved.PublishedFigures!).RootElement.GetProperty("三|closed|total").GetInt32());
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "report.published" && e.OrganId == organ.Id));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "document.publish" && e.TargetId == doc.Id.ToString())));
        Assert.Contains("按核对时记录的例外理由发布", audit.Summary);
        Assert.Contains(doc.IndexNumber!, audit.Summary);

        // The public page in the catalogue, its PDF and Excel.
        var visitor = app.Browser();
        var html = (await visitor.GetStringAsync($"/documents/{doc.Id}")).Text();
        Assert.Contains(title, html);
        Assert.Contains("年度报告", html);
        Assert.Contains("本年共收到申请1件。", html);
        Assert.Contains("rowspan=\"22\">三、本年度办理结果</th>", html);
        Assert.Contains(title, (await visitor.GetStringAsync("/catalogue?type=AnnualReport")).Text());
        var pdf = doc.Attachments.Single(a => a.FileName.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Contains($"/documents/{doc.Id}/attachments/{pdf.Id}", html);
        var pdfBytes = await visitor.GetByteArrayAsync($"/documents/{doc.Id}/attachments/{pdf.Id}");
        using (var reader = UglyToad.PdfPig.PdfDocument.Open(pdfBytes))
        {
            Assert.Contains(title, string.Concat(reader.GetPages().Select(p => p.Text)));
        }

        var xlsx = doc.Attachments.Single(a => a.FileName.EndsWith(".xlsx", StringComparison.Ordinal));
        var xlsxBytes = await visitor.GetByteArrayAsync($"/documents/{doc.Id}/attachments/{xlsx.Id}");
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsxBytes), false))
        {
            Assert.Equal(["表二", "表三", "表四"], book.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
        }

        var overview = (await admin.GetStringAsync("/admin/reports?year=2025")).Text();
        Assert.Matches($"<tr data-organ=\"{organ.Code}\" data-status=\"已发布\">", overview);
        Assert.Contains($"/documents/{doc.Id}", (await admin.GetStringAsync(page)).Text());

        // 更正: a reason is required; then the report is a draft again and publishing it revises the same document.
        Assert.Contains("请填写更正理由", await ErrorsAsync(await admin.SubmitAsync(page, [new("CorrectionReason", " ")], page + "?handler=Correct")));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, [new("CorrectionReason", "补录一件申请的办理结果")], page + "?handler=Correct")).StatusCode);
        Assert.Equal(ReportStatus.Draft, (await app.WithDbAsync(db => db.AnnualReports.SingleAsync(r => r.OrganId == organ.Id && r.Year == 2025))).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/documents/{doc.Id}")).StatusCode); // the published version stays
        await app.WithDbAsync(async db =>
        {
            var bad = await db.DisclosureRequests.SingleAsync(r => r.TrackingNumber == "PB-CZ-BAD");
            db.Entry(bad).Property(r => r.Outcome).CurrentValue = RequestOutcome.Disclosed;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, [], page + "?handler=Check")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, [], page + "?handler=Publish")).StatusCode);
        var revised = await app.WithDbAsync(db => db.Documents.Include(d => d.Attachments).SingleAsync(d => d.OrganId == organ.Id && d.InformationType == InformationType.AnnualReport));
        Assert.Equal((doc.Id, 2, doc.IndexNumber, 2), (revised.Id, revised.Version, revised.IndexNumber, revised.Attachments.Count));
        var revision = await app.WithDbAsync(db => db.DocumentRevisions.SingleAsync(r => r.DocumentId == doc.Id));
        Assert.Equal(1, revision.Version);
        Assert.Contains("补录一件申请的办理结果", revised.ReviewOpinion);
        var republished = await app.WithDbAsync(db => db.AnnualReports.SingleAsync(r => r.OrganId == organ.Id && r.Year == 2025));
        Assert.Equal(1, JsonDocument.Parse(republished.PublishedFigures!).RootElement.GetProperty($"三|o{(int)RequestOutcome.Disclosed}|total").GetInt32());
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "report.published" && e.OrganId == organ.Id)));
    }

    [Fact]
    public async Task The_district_report_sums_every_organ_and_the_overview_shows_who_is_late_by_its_own_deadline()
    {
        var (mz, cz, gov) = (await app.OrganAsync("区民政局"), await app.OrganAsync("区科信委"), await app.OrganAsync("区政府"));
        await ReportTestData.InsertAsync(app, mz.Id, [.. Enumerable.Range(1, 3).Select(i => Request($"DR-MZ-{i}", new(2024, 3, 4), new(2024, 3, 11), RequestOutcome.Disclosed))]);
        await ReportTestData.InsertAsync(app, cz.Id, [.. Enumerable.Range(1, 2).Select(i => Request($"DR-KX-{i}", new(2024, 12, 23), null, null))]);
        await ReportTestData.InsertAsync(app, gov.Id, [Request("DR-ZF-1", new(2024, 5, 6), new(2024, 5, 13), RequestOutcome.NotHeld)]);
        app.Clock.SetDay("2025-02-05");
        var admin = await AdminAsync();

        var json = JsonDocument.Parse(await admin.GetStringAsync($"/admin/reports/{gov.Id}/2024/download?format=json")).RootElement;
        var t3 = json.GetProperty("三");
        Assert.Equal(6, t3.GetProperty("一、本年新收政府信息公开申请数量").GetProperty("总计").GetInt32());
        Assert.Equal(4, t3.GetProperty("三、本年度办理结果").GetProperty("（七）总计").GetProperty("总计").GetInt32());
        Assert.Equal(2, t3.GetProperty("四、结转下年度继续办理").GetProperty("总计").GetInt32());
        Assert.Equal(1, t3.GetProperty("三、本年度办理结果").GetProperty("（四）无法提供").GetProperty("1.本机关不掌握相关政府信息").GetProperty("总计").GetInt32());
        // An ordinary organ's report stays its own.
        var own = JsonDocument.Parse(await admin.GetStringAsync($"/admin/reports/{mz.Id}/2024/download?format=json")).RootElement;
        Assert.Equal(3, own.GetProperty("三").GetProperty("一、本年新收政府信息公开申请数量").GetProperty("总计").GetInt32());

        var page = (await admin.GetStringAsync($"/admin/reports/{gov.Id}/2024")).Text();
        Assert.Contains("本报告为全区年度报告", page);
        var link = Regex.Match(page, @"data-cell=""三\|new\|total""><a class=""value"" href=""([^""]+)""(?: aria-label=""[^""]*"")?>6</a>");
        Assert.True(link.Success);
        var records = (await admin.GetStringAsync(WebUtility.HtmlDecode(link.Groups[1].Value))).Text();
        Assert.Contains("共6件", records);
        Assert.Contains("DR-KX-2", records);

        var district = (await admin.GetStringAsync("/admin/reports/district/2024")).Text();
        Assert.Matches($@"<tr data-organ=""{mz.Code}"">\s*<th scope=""row""><a [^>]+>{mz.ShortName}</a></th>\s*<td>3</td>", district);
        Assert.Matches(@"<tr id=""district-total"">\s*<th scope=""row"">合计（全区年度报告）</th>\s*<td>6</td>\s*<td>0</td>\s*<td>4</td>\s*<td>2</td>", district);

        // 5 February: departments are late (31 January), the district government is not (31 March).
        var late = (await admin.GetStringAsync("/admin/reports?year=2024&status=late")).Text();
        Assert.Contains($"data-organ=\"{mz.Code}\" data-status=\"逾期\"", late);
        Assert.DoesNotContain($"data-organ=\"{gov.Code}\"", late);
        Assert.Contains($"data-organ=\"{gov.Code}\" data-status=\"未编制\"", (await admin.GetStringAsync("/admin/reports?year=2024")).Text());
        app.Clock.SetDay("2025-04-01");
        admin = await AdminAsync(); // the sign-in cookie lasts 8 hours of the (fake) clock
        Assert.Contains($"data-organ=\"{gov.Code}\" data-status=\"逾期\"", (await admin.GetStringAsync("/admin/reports?year=2024&status=late")).Text());

        // The district report's page is for those who see the district government's report.
        await app.StaffAsync("dr-mz-admin", "Report-pass-2", (StaffRole.DepartmentAdministrator, mz.Id));
        var department = app.Browser();
        await department.SignInOkAsync("dr-mz-admin", "Report-pass-2");
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync("/admin/reports/district/2024")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/admin/reports/{gov.Id}/2024")).StatusCode);
    }

    [Fact]
    public async Task January_reminders_reach_each_organs_work_list_and_turn_to_late_after_the_deadline()
    {
        var (a, published, gov) = (await app.OrganAsync("区审计局"), await app.OrganAsync("区金融办"), await app.OrganAsync("区政府"));
        await app.WithDbAsync(async db =>
        {
            db.AnnualReports.Add(new AnnualReport { OrganId = published.Id, Year = 2025, Status = ReportStatus.Published, PublishedAt = app.Clock.Now });
            return await db.SaveChangesAsync();
        });
        async Task<ReminderRun> RunAsync(string day)
        {
            app.Clock.SetDay(day);
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ReportReminderSweep>().RunAsync(Gongkai.Platform.ChineseDates.Today(app.Clock));
        }

        var active = await app.WithDbAsync(db => db.Organs.CountAsync(o => o.IsActive));
        var publishedCount = await app.WithDbAsync(db => db.AnnualReports.CountAsync(r => r.Year == 2025 && r.Status == ReportStatus.Published));
        var january = await RunAsync("2026-01-05");
        Assert.Equal((2025, active - publishedCount, 0, false), (january.Year, january.Due, january.Overdue, january.AlreadyDone));
        Assert.True((await RunAsync("2026-01-05")).AlreadyDone);
        var lines = await app.WithDbAsync(db => db.ReportReminders.Where(r => r.On == new DateOnly(2026, 1, 5)).ToListAsync());
        Assert.Equal(active - publishedCount, lines.Count);
        Assert.DoesNotContain(lines, l => l.OrganId == published.Id);
        Assert.Equal(new DateOnly(2026, 1, 31), lines.Single(l => l.OrganId == a.Id).DueOn);
        Assert.Equal(new DateOnly(2026, 3, 31), lines.Single(l => l.OrganId == gov.Id).DueOn);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "report.reminders" && e.Summary!.Contains("2025年度报告待发布"))));

        await app.StaffAsync("rm-sw-admin", "Report-pass-3", (StaffRole.DepartmentAdministrator, a.Id));
        var staff = app.Browser();
        await staff.SignInOkAsync("rm-sw-admin", "Report-pass-3");
        var work = (await staff.GetStringAsync("/admin")).Text();
        Assert.Matches(@"<span class=""work-count"">1</span>\s*<span class=""work-title"">年度报告待发布（今日提醒）</span>", work);
        Assert.Matches(@"<span class=""work-count"">0</span>\s*<span class=""work-title"">逾期未发布的年度报告</span>", work);
        var due = (await staff.GetStringAsync("/admin/reports?year=2025&status=due")).Text();
        Assert.Contains($"data-organ=\"{a.Code}\"", due);
        Assert.Contains("待发布", due);

        // 1 February: the department is late; the district government is still only reminded.
        var february = await RunAsync("2026-02-02");
        Assert.Equal((1, active - publishedCount - 1), (february.Due, february.Overdue));
        var feb = await app.WithDbAsync(db => db.ReportReminders.Where(r => r.On == new DateOnly(2026, 2, 2)).ToListAsync());
        Assert.Equal(ReportReminderKind.Overdue, feb.Single(l => l.OrganId == a.Id).Kind);
        Assert.Equal(ReportReminderKind.Due, feb.Single(l => l.OrganId == gov.Id).Kind);
        staff = app.Browser(); // the sign-in cookie lasts 8 hours of the (fake) clock
        await staff.SignInOkAsync("rm-sw-admin", "Report-pass-3");
        work = (await staff.GetStringAsync("/admin")).Text();
        Assert.Matches(@"<span class=""work-count"">1</span>\s*<span class=""work-title"">逾期未发布的年度报告</span>", work);
        var office = await AdminAsync();
        var late = (await office.GetStringAsync("/admin/reports?year=2025&status=late")).Text();
        Assert.Contains($"data-organ=\"{a.Code}\" data-status=\"逾期\"", late);
        Assert.DoesNotContain($"data-organ=\"{published.Code}\"", late);
    }

    [Fact]
    public async Task Cells_of_tables_2_and_4_list_their_documents_and_appeals_within_the_organ_scope()
    {
        var organ = await app.OrganAsync("区住房城市建设委");
        await ReportTestData.InsertAsync(app, organ.Id, [Request("RC-ZJ-1", new(2023, 2, 6), new(2023, 2, 13), RequestOutcome.WithheldProcess),
            Request("RC-ZJ-2", new(2023, 3, 6), new(2023, 3, 13), RequestOutcome.Disclosed)]);
        await app.WithDbAsync(async db =>
        {
            GovDocument Doc(string title, string written, DocumentStatus status = DocumentStatus.Published, Validity validity = Validity.Valid, string? changed = null) => new GovDocument
            {
                OrganId = organ.Id,
                Title = title,
                SubjectCategory = "城乡建设、环境保护\\住房",
                Issuer = organ.FullName,
                InformationType = InformationType.NormativeDocument,
                WrittenOn = DateOnly.Parse(written),
                FormedOn = DateOnly.Parse(written),
                Attribute = DisclosureAttribute.Proactive,
                Validity = validity,
                ValidityChangedOn = changed is null ? null : DateOnly.Parse(changed),
            }.WithStoredStatus(status);
            db.Documents.AddRange(Doc("住建规范甲", "2023-03-01"), Doc("住建规范乙", "2023-09-01"), Doc("住建草稿不计", "2023-05-01", DocumentStatus.Draft),
                Doc("住建规范丙（2023年废止）", "2022-04-01", validity: Validity.Repealed, changed: "2023-06-01"));
            var requests = await db.DisclosureRequests.Where(r => r.OrganId == organ.Id).OrderBy(r => r.TrackingNumber).ToListAsync();
            db.Set<AppealCase>().AddRange(
                new AppealCase
                {
                    RequestId = requests[0].Id,
                    OrganId = organ.Id,
                    Kind = AppealKind.Reconsideration,
                    Body = "区人民政府",
                    CaseNumber = "京西政复〔2023〕7号",
                    FiledOn = new(2023, 4, 3),
                    Result = AppealResult.Upheld,
                    DecidedOn = new(2024, 1, 15),
                    CreatedByName = "测试"
                },
                new AppealCase
                {
                    RequestId = requests[1].Id,
                    OrganId = organ.Id,
                    Kind = AppealKind.Reconsideration,
                    Body = "区人民政府",
                    CaseNumber = "京西政复〔2023〕9号",
                    FiledOn = new(2023, 5, 4),
                    Result = AppealResult.Upheld,
                    DecidedOn = new(2023, 7, 1),
                    CreatedByName = "测试"
                });
            return await db.SaveChangesAsync();
        });
        app.Clock.SetDay("2024-02-20");
        var admin = await AdminAsync();
        var page = (await admin.GetStringAsync($"/admin/reports/{organ.Id}/2023")).Text();
        string Follow(string cell, string value)
        {
            var m = Regex.Match(page, $@"data-cell=""{Regex.Escape(cell)}""><a class=""value"" href=""([^""]+)""(?: aria-label=""[^""]*"")?>{value}</a>");
            Assert.True(m.Success, cell);
            return WebUtility.HtmlDecode(m.Groups[1].Value);
        }

        var issued = (await admin.GetStringAsync(Follow("二1|normative|issued", "2"))).Text();
        Assert.Contains("共2件", issued);
        Assert.Contains("住建规范甲", issued);
        Assert.Contains("住建规范乙", issued);
        Assert.DoesNotContain("住建草稿不计", issued);
        var repealed = (await admin.GetStringAsync(Follow("二1|normative|repealed", "1"))).Text();
        Assert.Contains("住建规范丙（2023年废止）", repealed);
        Assert.Contains("共2件", (await admin.GetStringAsync(Follow("二1|normative|valid", "2"))).Text());

        var pending = (await admin.GetStringAsync(Follow("四|all|reconsideration-pending", "1"))).Text();
        Assert.Contains("共1件", pending);
        Assert.Contains("京西政复〔2023〕7号", pending);
        Assert.Contains("尚未审结", pending);
        Assert.DoesNotContain("京西政复〔2023〕9号", pending);
        var upheld = (await admin.GetStringAsync(Follow("四|all|reconsideration-upheld", "1"))).Text();
        Assert.Contains("京西政复〔2023〕9号", upheld);
        Assert.Contains("RC-ZJ-2", upheld);
        Assert.Contains("共2件", (await admin.GetStringAsync(Follow("四|all|reconsideration-total", "2"))).Text());
        Assert.Contains("data-cell=\"二5|licensing|decisions\"><span class=\"value\">", page); // entered by the organ: no records

        await app.StaffAsync("rc-other", "Report-pass-4", (StaffRole.DepartmentAdministrator, (await app.OrganAsync("区编办")).Id));
        var other = app.Browser();
        await other.SignInOkAsync("rc-other", "Report-pass-4");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Follow("四|all|reconsideration-upheld", "1"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/admin/reports/{organ.Id}/2023/records?cell=三|new|total")).StatusCode);
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, string organ, string year, byte[] file)
    {
        var token = await client.CsrfTokenAsync("/admin/reports/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__csrf" }, { new StringContent(organ), "Organ" }, { new StringContent(year), "Year" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "Upload", "统计表.xlsx");
        return await client.PostAsync("/admin/reports/import", form);
    }

    [Fact]
    public async Task The_import_page_offers_the_template_shows_the_2016_warnings_and_refuses_bad_tables_saving_nothing()
    {
        var admin = await AdminAsync();
        var template = await admin.GetAsync("/admin/reports/import?handler=Template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await template.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Contains(book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>(), t => t.Text == "收到申请数");
        }

        var organ = await app.OrganAsync("区政府");
        var xicheng = Gongkai.Tests.Reports.Pre2019ImportTests.Xicheng2016;
        async Task Refused(byte[] file, string message)
        {
            var html = await ErrorsAsync(await UploadAsync(admin, organ.Code, "2016", file));
            Assert.Contains(message, html);
            Assert.DoesNotContain("id=\"import-result\"", html);
            Assert.False(await app.WithDbAsync(db => db.AnnualReports.AnyAsync(r => r.OrganId == organ.Id && r.Year == 2016)));
        }

        await Refused(Gongkai.Tests.Reports.Pre2019ImportTests.Fill(xicheng.Select(v => v.Label == "网络申请数" ? (v.Label, "-58") : v)), "第");
        await Refused(Gongkai.Tests.Reports.Pre2019ImportTests.Fill(xicheng.Select(v => v.Label == "网络申请数" ? (v.Label, "-58") : v)), "为负数，数量不能为负");
        await Refused(Gongkai.Tests.Reports.Pre2019ImportTests.Fill(xicheng.Select(v => v.Label == "信函申请数" ? (v.Label, "650.5") : v)), "不是整数");
        await Refused(Gongkai.Tests.Reports.Pre2019ImportTests.Fill(xicheng, ("咨询人次", "51911")), "“咨询人次”不是统计表中的项目");
        await Refused("not a spreadsheet"u8.ToArray(), "不是有效的Excel");

        var ok = (await (await UploadAsync(admin, organ.Code, "2016", Gongkai.Tests.Reports.Pre2019ImportTests.Fill(xicheng))).Content.ReadAsStringAsync()).Text();
        Assert.Contains("id=\"import-result\"", ok);
        Assert.Contains("发现2处不一致", ok);
        var warnings = Regex.Matches(ok, @"<li data-rule=""(L\d)"">([^<]*)</li>").Select(m => m.Groups[2].Value).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("收到申请数为1466") && w.Contains("＝1473"));
        Assert.Contains(warnings, w => w.Contains("回应公众关注热点或重大舆情数为5196") && w.Contains("＝5755"));
        var stored = await app.WithDbAsync(db => db.AnnualReports.SingleAsync(r => r.OrganId == organ.Id && r.Year == 2016));
        Assert.Equal(("pre2019", ReportStatus.Published), (stored.FormatId, stored.Status));

        // A department administrator imports only for their own organ.
        var mz = await app.OrganAsync("区民政局");
        await app.StaffAsync("im-mz", "Report-pass-5", (StaffRole.DepartmentAdministrator, mz.Id));
        var department = app.Browser();
        await department.SignInOkAsync("im-mz", "Report-pass-5");
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(department, organ.Code, "2015", Gongkai.Tests.Reports.Pre2019ImportTests.Fill(xicheng))).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.AnnualReports.AnyAsync(r => r.OrganId == organ.Id && r.Year == 2015)));
    }
}

/// <summary>The application on a fake clock, with neither the requests' sweep nor the report reminders running on their own.</summary>
public sealed class ReportClockedSqliteApp : SqliteApp, IClockedApp
{
    public FakeClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reports:DailyReminders", "false");
        Clocked.Configure(builder, Clock);
    }
}

public sealed class ReportClockedPostgresApp : PostgresApp, IClockedApp
{
    public FakeClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reports:DailyReminders", "false");
        Clocked.Configure(builder, Clock);
    }
}

public sealed class AnnualReportPublishingTests_Sqlite(ReportClockedSqliteApp app) : AnnualReportPublishingTests<ReportClockedSqliteApp>(app);

public sealed class AnnualReportPublishingTests_Postgres(ReportClockedPostgresApp app) : AnnualReportPublishingTests<ReportClockedPostgresApp>(app);
