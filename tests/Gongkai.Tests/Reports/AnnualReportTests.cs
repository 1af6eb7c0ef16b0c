using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Reports;
using Gongkai.Reports.Annual;
using Gongkai.Requests;
using Gongkai.Requests.Appeals;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Fees;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Reports;

/// <summary>
/// An organ's 2025 annual report computed from generated records of known composition — requests (table 三, carry-over
/// from 2024 and into 2026), 行政规范性文件 (table 二), appeals (table 四), a paid fee (section 六) — its rule checks, its
/// cells' records, the organ's entries and narrative, the override of a failing hard rule, and bad input.
/// </summary>
public abstract class AnnualReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<GongkaiApp, (Guid Organ, List<PlannedRequest> Plan)> Arranged = [];

    private async Task<(Guid Organ, List<PlannedRequest> Plan)> ArrangeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (Arranged.TryGetValue(app, out var arranged))
            {
                return arranged;
            }

            var organ = (await app.OrganAsync("区民政局")).Id;
            var plan = ReportTestData.Plan("NB-MZ");
            await ReportTestData.InsertAsync(app, organ, plan);
            await ReportTestData.InsertAsync(app, (await app.OrganAsync("区财政局")).Id, ReportTestData.Plan("NB-CZ").Take(30));
            await app.WithDbAsync(async db =>
            {
                GovDocument Doc(string title, string written, InformationType type = InformationType.NormativeDocument, DocumentStatus status = DocumentStatus.Published,
                    Validity validity = Validity.Valid, string? changed = null) => new GovDocument
                    {
                        OrganId = organ,
                        Title = title,
                        SubjectCategory = "民政、扶贫、救灾\\社会福利",
                        Issuer = "区民政局",
                        InformationType = type,
                        WrittenOn = DateOnly.Parse(written),
                        FormedOn = DateOnly.Parse(written),
                        Attribute = DisclosureAttribute.Proactive,
                        Validity = validity,
                        ValidityChangedOn = changed is null ? null : DateOnly.Parse(changed),
                    }.WithStoredStatus(status);
                db.Documents.AddRange(
                    Doc("规范一", "2024-02-01"), Doc("规范二", "2024-05-01"), Doc("规范三", "2024-09-01"),
                    Doc("规范四", "2025-03-01"), Doc("规范五", "2025-08-01"),
                    Doc("规范六（2025年废止）", "2023-04-01", validity: Validity.Repealed, changed: "2025-06-01"),
                    Doc("规范七（当年制发当年失效）", "2025-02-01", validity: Validity.Expired, changed: "2025-10-01"),
                    Doc("草稿不计", "2025-04-01", status: DocumentStatus.Draft),
                    Doc("其他政策文件不计", "2025-04-01", type: InformationType.PolicyDocument));
                var requests = await db.DisclosureRequests.Where(r => r.OrganId == organ).OrderBy(r => r.TrackingNumber).Select(r => r.Id).Take(5).ToListAsync();
                AppealCase Appeal(AppealKind kind, string filed, AppealResult result, string? decided, int i) => new()
                {
                    RequestId = requests[i],
                    OrganId = organ,
                    Kind = kind,
                    Body = "区人民政府",
                    FiledOn = DateOnly.Parse(filed),
                    Result = result,
                    DecidedOn = decided is null ? null : DateOnly.Parse(decided),
                    CreatedByName = "测试",
                };
                db.Set<AppealCase>().AddRange(
                    Appeal(AppealKind.Reconsideration, "2025-04-01", AppealResult.Upheld, "2025-06-01", 0),
                    Appeal(AppealKind.Reconsideration, "2025-05-01", AppealResult.Corrected, "2026-01-10", 1),
                    Appeal(AppealKind.LitigationDirect, "2025-03-01", AppealResult.Corrected, "2025-09-01", 2),
                    Appeal(AppealKind.LitigationAfterReconsideration, "2025-07-01", AppealResult.Pending, null, 3),
                    Appeal(AppealKind.Reconsideration, "2024-05-01", AppealResult.Upheld, "2024-07-01", 4));
                db.FeeAssessments.Add(new FeeAssessment
                {
                    RequestId = requests[0],
                    Method = FeeMethod.PerPage,
                    Amount = 380,
                    Breakdown = "按量",
                    PaymentInstructions = "柜台",
                    NoticeOn = new DateOnly(2025, 3, 4),
                    PayBy = new DateOnly(2025, 4, 1),
                    PaidOn = new DateOnly(2025, 3, 6),
                    CreatedByName = "测试",
                });
                return await db.SaveChangesAsync();
            });
            arranged = (organ, plan);
            Arranged[app] = arranged;
            return arranged;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<AnnualReportView> ComputeAsync(Guid organ, int year)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ComputeAnnualReport>().ComputeAsync(organ, year);
    }

    private static bool Closed(PlannedRequest p) => p.ClosedOn is { Year: 2025 };

    [Fact]
    public async Task Table_3_counts_every_outcome_row_every_applicant_column_and_the_carry_over()
    {
        var (organ, plan) = await ArrangeAsync();
        var v = await ComputeAsync(organ, 2025);
        foreach (var type in ApplicantTypes.All)
        {
            var mine = plan.Where(p => p.Type == type).ToList();
            Assert.Equal(mine.Count(p => p.ReceivedOn.Year == 2025), v.Figures.Table3("new", type));
            Assert.Equal(mine.Count(p => p.ReceivedOn.Year == 2024 && !(p.ClosedOn?.Year == 2024)), v.Figures.Table3("carried", type));
            Assert.Equal(mine.Count(p => p.ReceivedOn.Year <= 2025 && !(p.ClosedOn?.Year <= 2025)), v.Figures.Table3("out", type));
            Assert.Equal(mine.Count(Closed), v.Figures.Table3("closed", type));
            foreach (var row in OutcomeRows.All)
            {
                Assert.Equal(mine.Count(p => Closed(p) && p.Outcome == row.Outcome), v.Figures.Table3(row.Key, type));
            }
        }

        Assert.Equal(90, v.Figures.Table3("new", null));
        Assert.Equal(24, v.Figures.Table3("carried", null));
        Assert.All(v.Rules, r => Assert.True(r.Outcome == RuleOutcome.Passed, $"{r.Rule}: {r.Message}"));

        // Carry-over comes from the records: 2024's 结转下年度 is 2025's 上年结转.
        var before = await ComputeAsync(organ, 2024);
        Assert.Equal(v.Figures.Table3("carried", null), before.Figures.Table3("out", null));
    }

    [Fact]
    public async Task Table_2_counts_normative_documents_and_table_4_the_appeals_of_the_year_with_their_result_at_year_end()
    {
        var (organ, _) = await ArrangeAsync();
        var v = await ComputeAsync(organ, 2025);
        var g = NationalFormat2021.Item1;
        Assert.Equal(3, v.Figures.Value(g, "normative", "issued"));
        Assert.Equal(2, v.Figures.Value(g, "normative", "repealed"));
        Assert.Equal(5, v.Figures.Value(g, "normative", "valid"));
        Assert.Equal(4, (await ComputeAsync(organ, 2024)).Figures.Value(g, "normative", "valid"));
        var t4 = NationalFormat2021.Table4;
        decimal A(string c) => v.Figures.Value(t4, "all", c);
        Assert.Equal((1, 0, 0, 1, 2), (A("reconsideration-upheld"), A("reconsideration-corrected"), A("reconsideration-other"), A("reconsideration-pending"), A("reconsideration-total")));
        Assert.Equal((0, 1, 0, 0, 1), (A("direct-upheld"), A("direct-corrected"), A("direct-other"), A("direct-pending"), A("direct-total")));
        Assert.Equal((0, 0, 0, 1, 1), (A("after-upheld"), A("after-corrected"), A("after-other"), A("after-pending"), A("after-total")));
        Assert.Equal("本年度共对1件政府信息公开申请收取信息处理费380元。", v.FeeLine);
        Assert.Equal("本年度未收取信息处理费。", (await ComputeAsync(organ, 2024)).FeeLine);
    }

    [Fact]
    public async Task The_report_page_shows_the_tables_and_each_table_3_cell_lists_its_records()
    {
        var (organ, plan) = await ArrangeAsync();
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var html = (await admin.GetStringAsync($"/admin/reports/{organ}/2025")).Text();
        Assert.Contains("区民政局", html);
        Assert.Contains("rowspan=\"22\">三、本年度办理结果</th>", html);
        var expected = plan.Count(p => Closed(p) && p.Outcome == RequestOutcome.WithheldProcess);
        var m = Regex.Match(html, @"data-cell=""三\|o36\|total""><a class=""value"" href=""([^""]+)""(?: aria-label=""[^""]*"")?>(\d+)</a>");
        Assert.True(m.Success);
        Assert.Equal(expected, int.Parse(m.Groups[2].Value));
        var records = (await admin.GetStringAsync(WebUtility.HtmlDecode(m.Groups[1].Value))).Text();
        Assert.Contains($"共{expected}件", records);
        Assert.All(plan.Where(p => Closed(p) && p.Outcome == RequestOutcome.WithheldProcess), p => Assert.Contains(p.Number, records));
        Assert.Contains("data-rule=\"R1\" data-outcome=\"Passed\"", html);
    }

    [Fact]
    public async Task The_json_has_one_key_per_table_with_the_labels_of_the_format()
    {
        var (organ, plan) = await ArrangeAsync();
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var json = JsonDocument.Parse(await admin.GetStringAsync($"/admin/reports/{organ}/2025/download?format=json")).RootElement;
        Assert.Equal(plan.Count(p => Closed(p) && p.Outcome == RequestOutcome.WithheldStateSecret && p.Type == ApplicantType.NaturalPerson),
            json.GetProperty("三").GetProperty("三、本年度办理结果").GetProperty("（三）不予公开").GetProperty("1.属于国家秘密").GetProperty("自然人").GetInt32());
        Assert.Equal(90, json.GetProperty("三").GetProperty("一、本年新收政府信息公开申请数量").GetProperty("总计").GetInt32());
        Assert.Equal(1, json.GetProperty("四").GetProperty("行政诉讼").GetProperty("复议后起诉").GetProperty("尚未审结").GetInt32());
        Assert.Equal(2, json.GetProperty("四").GetProperty("行政复议").GetProperty("总计").GetInt32());
        Assert.Equal(5, json.GetProperty("二").GetProperty("第二十条第（一）项").GetProperty("行政规范性文件").GetProperty("现行有效件数").GetInt32());
        Assert.Equal(["title", "organ", "year", "format", "status", "一、总体情况", "二", "三", "四", "五、存在的主要问题及改进情况", "六、其他需要报告的事项", "checks"],
            json.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_organ_enters_its_figures_and_narrative_with_placeholders_and_bad_entries_change_nothing()
    {
        var (organ, _) = await ArrangeAsync();
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var page = $"/admin/reports/{organ}/2025";
        var action = page + "?handler=Save";
        var ok = await admin.SubmitAsync(page, [new("Input.Licensing", "12"), new("Input.Penalties", "7"), new("Input.Coercions", "0"), new("Input.FeeAmount", "1.25"),
            new("Input.Overview", "本年共收到申请{本年新收申请}件，上年结转{上年结转申请}件。"), new("Input.OtherMatters", "无其他事项。")], action);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var html = (await admin.GetStringAsync(page)).Text();
        Assert.Contains("本年共收到申请90件，上年结转24件。", html);
        Assert.Contains("<p>本年度共对1件政府信息公开申请收取信息处理费380元。</p><p>无其他事项。</p>", html);
        Assert.Contains("data-cell=\"二5|licensing|decisions\"><span class=\"value\">12</span>", html);
        Assert.Contains("data-cell=\"二8|fees|amount\"><span class=\"value\">1.25</span>", html);
        Assert.Matches("填报数据由[^<]*admin[^<]*录入", html);

        async Task Refused(string field, string value, string message)
        {
            var response = await admin.SubmitAsync(page, [new(field, value)], action);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, (await response.Content.ReadAsStringAsync()).Text());
            var saved = await app.WithDbAsync(db => db.AnnualReports.SingleAsync(r => r.OrganId == organ && r.Year == 2025));
            Assert.Equal((12, 7, 1.25m), (saved.Licensing, saved.Penalties, saved.FeeAmount));
        }

        await Refused("Input.Penalties", "-3", "行政处罚本年处理决定数量不能为负数。");
        await Refused("Input.Licensing", "2.5", "填报的数量须为非负整数");
        await Refused("Input.Overview", "共{不存在的数字}件", "占位符“{不存在的数字}”不对应任何表格数字");
        var audit = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "report.saved" && e.OrganId == organ));
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task A_failing_hard_rule_is_shown_at_its_cell_and_blocks_checking_until_an_override_is_recorded()
    {
        var (organ, _) = await ArrangeAsync();
        // A request closed in 2023 without an outcome: counted in （七）总计 but in no outcome row.
        await ReportTestData.InsertAsync(app, organ, [new PlannedRequest("NB-MZ-BAD", Gongkai.Requests.Intake.RequestChannel.Online, ApplicantType.NaturalPerson,
            new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 20), null, Gongkai.Requests.Clock.Timeliness.OnTime)]);
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var page = $"/admin/reports/{organ}/2023";
        var html = (await admin.GetStringAsync(page)).Text();
        Assert.Contains("data-rule=\"R4\" data-outcome=\"Failed\"", html);
        var cell = Regex.Match(html, @"<td data-cell=""三\|closed\|NaturalPerson""[^>]*>.*?</td>").Value;
        Assert.True(cell.Contains("class=\"rule-failed\"") && cell.Contains("data-rule=\"R2\">R2：“自然人”列"), cell);
        Assert.Contains("<span class=\"rule-failure\" data-rule=\"R2\">R2：“自然人”列：（七）总计为1，而（一）至（六）各行之和为0</span>", cell);

        var refused = await admin.SubmitAsync(page, [new("OverrideReason", "")], page + "?handler=Check");
        Assert.Contains("有未通过的强制核对规则", (await refused.Content.ReadAsStringAsync()).Text());
        Assert.Null(await app.WithDbAsync(db => db.AnnualReports.FirstOrDefaultAsync(r => r.OrganId == organ && r.Year == 2023)));

        var accepted = await admin.SubmitAsync(page, [new("OverrideReason", "该件系系统迁移前办结，结果待补录")], page + "?handler=Check");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var saved = await app.WithDbAsync(db => db.AnnualReports.SingleAsync(r => r.OrganId == organ && r.Year == 2023));
        Assert.Equal(ReportStatus.Checked, saved.Status);
        Assert.Equal("该件系系统迁移前办结，结果待补录", saved.OverrideReason);
        Assert.Contains("该件系系统迁移前办结，结果待补录", (await admin.GetStringAsync(page)).Text());
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "report.checked" && e.Summary!.Contains("例外理由"))));
    }

    [Fact]
    public async Task An_unknown_organ_a_year_without_calendar_and_another_organs_report_are_refused()
    {
        var (organ, _) = await ArrangeAsync();
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        Assert.Contains("该机关不存在。", (await admin.GetStringAsync($"/admin/reports/{Guid.NewGuid()}/2025")).Text());
        Assert.Contains("超出已载入的节假日安排", (await admin.GetStringAsync($"/admin/reports/{organ}/2031")).Text());
        var download = await admin.GetAsync($"/admin/reports/{organ}/2031/download?format=json");
        Assert.Equal(HttpStatusCode.BadRequest, download.StatusCode);
        Assert.Equal("text/html", download.Content.Headers.ContentType?.MediaType); // a page the clerk reads, not raw JSON
        Assert.Contains("超出已载入的节假日安排", (await download.Content.ReadAsStringAsync()).Text());

        var other = (await app.OrganAsync("区财政局")).Id;
        await app.StaffAsync("nb-cz-admin", "Report-pass-1", (Gongkai.Platform.Staff.StaffRole.DepartmentAdministrator, other));
        var foreign = app.Browser();
        await foreign.SignInOkAsync("nb-cz-admin", "Report-pass-1");
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/admin/reports/{organ}/2025")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/admin/reports/{organ}/2025/download?format=json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await foreign.GetAsync($"/admin/reports/{other}/2025")).StatusCode);
    }

    /// <summary>The numbers printed on the same line as a row label in the PDF, left to right.</summary>
    private static List<int> PdfRow(byte[] bytes, string label)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().ToList();
            var hit = words.FirstOrDefault(w => w.Text.StartsWith(label, StringComparison.Ordinal));
            if (hit is null)
            {
                continue;
            }

            return words.Where(w => Math.Abs(w.BoundingBox.Bottom - hit.BoundingBox.Bottom) < 2 && w.BoundingBox.Left > hit.BoundingBox.Right && int.TryParse(w.Text, out _))
                .OrderBy(w => w.BoundingBox.Left).Select(w => int.Parse(w.Text)).ToList();
        }

        throw new Xunit.Sdk.XunitException($"label {label} not in the PDF");
    }

    private List<int> Expected(List<PlannedRequest> plan, Func<PlannedRequest, bool> row) =>
        [.. ApplicantTypes.All.Select(t => plan.Count(p => p.Type == t && row(p))), plan.Count(row)];

    [Fact]
    public async Task The_pdf_embeds_the_chinese_font_and_prints_table_3_rows_in_the_national_layout()
    {
        var (organ, plan) = await ArrangeAsync();
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var response = await admin.GetAsync($"/admin/reports/{organ}/2025/download?format=pdf");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            var text = string.Concat(pdf.GetPages().Select(p => p.Text));
            Assert.Contains("北京市西城区民政局2025年政府信息公开工作年度报告", text);
            Assert.All(NationalFormat2021.Sections, s => Assert.Contains(s, text));
            Assert.Contains("本年度共对1件政府信息公开申请收取信息处理费380元。", text);
            Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(bytes)); // the font program is embedded
        }

        Assert.Equal(Expected(plan, p => p.ReceivedOn.Year == 2025), PdfRow(bytes, "一、本年新收政府信息公开申请数量"));
        Assert.Equal(Expected(plan, p => Closed(p) && p.Outcome == RequestOutcome.Disclosed), PdfRow(bytes, "（一）予以公开"));
        Assert.Equal(Expected(plan, p => Closed(p) && p.Outcome == RequestOutcome.WithheldStateSecret), PdfRow(bytes, "1.属于国家秘密"));
        Assert.Equal(Expected(plan, p => p.ReceivedOn.Year <= 2025 && !(p.ClosedOn?.Year <= 2025)), PdfRow(bytes, "四、结转下年度继续办理"));
    }

    [Fact]
    public async Task The_excel_file_has_the_three_tables_with_merged_labels_and_numeric_cells()
    {
        var (organ, plan) = await ArrangeAsync();
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var bytes = await admin.GetByteArrayAsync($"/admin/reports/{organ}/2025/download?format=xlsx");
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var book = doc.WorkbookPart!;
        var sheets = book.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        Assert.Equal(["表二", "表三", "表四"], sheets.Select(s => s.Name!.Value));
        DocumentFormat.OpenXml.Spreadsheet.Worksheet Sheet(string name) =>
            ((DocumentFormat.OpenXml.Packaging.WorksheetPart)book.GetPartById(sheets.Single(s => s.Name == name).Id!)).Worksheet;
        static string Text(DocumentFormat.OpenXml.Spreadsheet.Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";

        List<int> Row(DocumentFormat.OpenXml.Spreadsheet.Worksheet sheet, string label, int firstValueColumn)
        {
            var row = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Single(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Any(c => Text(c) == label));
            return row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Skip(1).Where(c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number)
                .Select(c => int.Parse(c.CellValue!.Text)).ToList();
        }

        var t3 = Sheet("表三");
        Assert.Equal(Expected(plan, p => Closed(p) && p.Outcome == RequestOutcome.WithheldThirdParty), Row(t3, "4.保护第三方合法权益", 3));
        Assert.Equal(Expected(plan, p => p.ReceivedOn.Year < 2025 && !(p.ClosedOn?.Year < 2025)), Row(t3, "二、上年结转政府信息公开申请数量", 3));
        var merges = t3.Descendants<DocumentFormat.OpenXml.Spreadsheet.MergeCell>().Select(m => m.Reference!.Value).ToList();
        Assert.Contains("A6:A27", merges); // 三、本年度办理结果 over its 22 rows (after 3 header rows and 2 rows)
        Assert.Contains("A1:C3", merges); // the corner note
        Assert.Contains("D1:J1", merges); // 申请人情况
        var a6 = t3.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(c => c.CellReference == "A6");
        Assert.Equal("三、本年度办理结果", Text(a6));
        var t4 = Sheet("表四");
        var values = t4.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Where(c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number).Select(c => int.Parse(c.CellValue!.Text)).ToList();
        Assert.Equal([1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1], values);
        var t2 = Sheet("表二");
        Assert.Contains(t2.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>(), c => Text(c) == "第二十条第（八）项");
    }

    [Fact]
    public async Task An_imported_2016_table_is_stored_as_published_with_its_warnings_audited()
    {
        using var scope = app.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<Gongkai.Reports.Legacy.ImportReport>();
        var file = Gongkai.Tests.Reports.Pre2019ImportTests.Fill(Gongkai.Tests.Reports.Pre2019ImportTests.Xicheng2016);
        var (report, figures) = await import.HandleAsync("XC015", 2016, file);
        Assert.Equal(2, figures.Warnings.Count());
        var stored = await app.WithDbAsync(db => db.AnnualReports.SingleAsync(r => r.Id == report.Id));
        Assert.Equal(("pre2019", ReportStatus.Published), (stored.FormatId, stored.Status));
        Assert.Equal(1466, JsonDocument.Parse(stored.PublishedFigures!).RootElement.GetProperty("received").GetInt32());
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "report.imported" && e.TargetId == report.Id.ToString()));
        Assert.Contains("2处不一致", audit.Summary);
        Assert.Contains("＝1473", audit.Summary);

        Assert.Contains("机关代码“XC999”不存在", (await Assert.ThrowsAsync<ValidationFailure>(() => import.HandleAsync("XC999", 2016, file))).Message);
        Assert.Contains("不能导入2020年度", (await Assert.ThrowsAsync<ValidationFailure>(() => import.HandleAsync("XC015", 2020, file))).Message);
    }
}

public sealed class AnnualReportTests_Sqlite(SqliteApp app) : AnnualReportTests<SqliteApp>(app);

public sealed class AnnualReportTests_Postgres(PostgresApp app) : AnnualReportTests<PostgresApp>(app);
