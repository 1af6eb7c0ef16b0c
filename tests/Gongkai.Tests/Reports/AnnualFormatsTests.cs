using System.Net;
using System.Text.Json;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Reports;
using Gongkai.Reports.Annual;
using Gongkai.Reports.Legacy;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Reports;

/// <summary>
/// Earlier formats from the records and from imports: the 2020 report in the 2019 trial format computed from generated
/// requests of known composition (every outcome × applicant type, the three 其他处理 outcomes in one row, carry-over
/// from 2019 and into 2021) and documents (制作/公开/总数); its downloads; all organs' reports computed together equal
/// the single-organ ones; a year before 2019 shows its imported statistics table, and is refused with a clear message
/// when nothing was imported.
/// </summary>
public abstract class AnnualFormatsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<GongkaiApp, (Guid Organ, List<PlannedRequest> Plan)> Arranged = [];

    /// <summary>2020 requests: every outcome × applicant type ((o + t) % 3 + 1 each), carried in from 2019, carried out into 2021.</summary>
    private static List<PlannedRequest> Plan2020(string prefix)
    {
        var plan = new List<PlannedRequest>();
        var n = 0;
        string Next() => $"{prefix}-{++n:D5}";
        var outcomes = Enum.GetValues<RequestOutcome>();
        var types = ApplicantTypes.All;
        for (var o = 0; o < outcomes.Length; o++)
        {
            for (var t = 0; t < types.Count; t++)
            {
                for (var i = 0; i < (o + t) % 3 + 1; i++)
                {
                    plan.Add(new(Next(), i % 2 == 0 ? RequestChannel.Online : RequestChannel.InPerson, types[t],
                        new(2020, 3, 2), new DateOnly(2020, 3, 9), outcomes[o], i == 1 ? Timeliness.Overdue : Timeliness.OnTime));
                }
            }
        }

        for (var t = 0; t < types.Count; t++)
        {
            for (var i = 0; i < t + 1; i++)
            {
                // Carried in from 2019 and closed in 2020 in （六）其他处理.
                plan.Add(new(Next(), RequestChannel.InPerson, types[t], new(2019, 12, 20), new DateOnly(2020, 1, 10), RequestOutcome.OtherFeeUnpaid, Timeliness.OnTime));
            }

            // Carried in and still open at the end of 2020 (t % 2), carried out into 2021 (one each).
            for (var i = 0; i < t % 2; i++)
            {
                plan.Add(new(Next(), RequestChannel.Fax, types[t], new(2019, 12, 27), null, null, Timeliness.Overdue));
            }

            plan.Add(new(Next(), RequestChannel.Online, types[t], new(2020, 12, 22), new DateOnly(2021, 1, 6), RequestOutcome.Disclosed, Timeliness.OnTime));
            // Received and closed in 2019: not in 2020's figures.
            plan.Add(new(Next(), RequestChannel.Online, types[t], new(2019, 3, 4), new DateOnly(2019, 3, 11), RequestOutcome.OtherHandling, Timeliness.OnTime));
        }

        return plan;
    }

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
            var plan = Plan2020("FM-MZ");
            await ReportTestData.InsertAsync(app, organ, plan);
            await ReportTestData.InsertAsync(app, (await app.OrganAsync("区财政局")).Id, Plan2020("FM-CZ").Where((_, i) => i % 3 == 0));
            await ReportTestData.InsertAsync(app, (await app.OrganAsync("区财政局")).Id, ReportTestData.Plan("FM-CZ25").Take(40));
            await app.WithDbAsync(async db =>
            {
                GovDocument Doc(string title, string written, string? published, InformationType type = InformationType.NormativeDocument, DocumentStatus status = DocumentStatus.Published) => new GovDocument
                {
                    OrganId = organ,
                    Title = title,
                    SubjectCategory = "民政、扶贫、救灾\\社会福利",
                    Issuer = "区民政局",
                    InformationType = type,
                    WrittenOn = DateOnly.Parse(written),
                    FormedOn = DateOnly.Parse(written),
                    Attribute = DisclosureAttribute.Proactive,
                }.WithStoredStatus(status, published is null ? null : new DateTimeOffset(DateOnly.Parse(published).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime());
                db.Documents.AddRange(
                    Doc("规范甲（2019年制作并公开）", "2019-06-01", "2019-06-10"),
                    Doc("规范乙（2019年制作、2020年公开）", "2019-12-20", "2020-01-05"),
                    Doc("规范丙（2020年制作并公开）", "2020-03-01", "2020-03-05"),
                    Doc("规范丁（2020年制作、2021年公开）", "2020-12-28", "2021-01-04"),
                    Doc("草稿不计", "2020-04-01", null, status: DocumentStatus.Draft),
                    Doc("政策文件不计", "2020-04-01", "2020-04-02", type: InformationType.PolicyDocument));
                db.AnnualReports.Add(new AnnualReport
                {
                    OrganId = organ, Year = 2020, FormatId = TrialFormat2019.Id, RulesIssued = 2, RulesValid = 7, Licensing = 120, Penalties = 30, Coercions = 4,
                    EnteredByName = "测试", EnteredAt = new DateTimeOffset(2021, 1, 15, 1, 0, 0, TimeSpan.Zero),
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

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    private Task<AnnualReportView> ComputeAsync(Guid organ, int year) => WithAsync(s => s.GetRequiredService<ComputeAnnualReport>().ComputeAsync(organ, year));

    private static bool ClosedIn2020(PlannedRequest p) => p.ClosedOn is { Year: 2020 };

    [Fact]
    public async Task The_2020_report_counts_table_3_in_the_trial_format_from_the_records()
    {
        var (organ, plan) = await ArrangeAsync();
        var v = await ComputeAsync(organ, 2020);
        Assert.Same(ReportFormat.Trial2019, v.Format);
        var t3 = ReportFormat.Trial2019.Table3;
        foreach (var type in ApplicantTypes.All.Select(t => (ApplicantType?)t).Append(null))
        {
            var mine = plan.Where(p => type is null || p.Type == type).ToList();
            var column = type?.ToString() ?? "total";
            Assert.Equal(mine.Count(p => p.ReceivedOn.Year == 2020), v.Figures.Value(t3, "new", column));
            Assert.Equal(mine.Count(p => p.ReceivedOn.Year < 2020 && !(p.ClosedOn?.Year < 2020)), v.Figures.Value(t3, "carried", column));
            Assert.Equal(mine.Count(p => p.ReceivedOn.Year <= 2020 && !(p.ClosedOn?.Year <= 2020)), v.Figures.Value(t3, "out", column));
            Assert.Equal(mine.Count(ClosedIn2020), v.Figures.Value(t3, "closed", column));
            foreach (var row in OutcomeRows.All.Where(o => !TrialFormat2019.OtherHandling.Contains(o.Outcome)))
            {
                Assert.Equal(mine.Count(p => ClosedIn2020(p) && p.Outcome == row.Outcome), v.Figures.Value(t3, row.Key, column));
            }

            Assert.Equal(mine.Count(p => ClosedIn2020(p) && TrialFormat2019.OtherHandling.Contains(p.Outcome!.Value)), v.Figures.Value(t3, "o6", column));
        }

        // The carried-in requests closed in 2020 as 逾期未缴费 are in （六）其他处理: 1+2+…+6 of them plus the planned rows.
        Assert.True(v.Figures.Value(t3, "o6", "total") > 21);
        Assert.All(v.Rules.Where(r => r.Rule is "R1" or "R2" or "R3" or "R4" or "R5" or "R6" or "R8"), r => Assert.Equal(RuleOutcome.Passed, r.Outcome));
        Assert.Equal(RuleOutcome.NotApplicable, v.Rules.Single(r => r.Rule == "R7").Outcome);

        // 2021 is in the 2021 format; its carry-in equals 2020's carry-out (R6 across the change of format).
        var next = await ComputeAsync(organ, 2021);
        Assert.Same(ReportFormat.National2021, next.Format);
        Assert.Equal(v.Figures.Table3("out", null), next.Figures.Table3("carried", null));
        Assert.Equal(RuleOutcome.Passed, next.Rules.Single(r => r.Rule == "R6").Outcome);
    }

    [Fact]
    public async Task The_2020_table_2_counts_normative_documents_made_published_and_in_total_and_shows_the_entered_figures()
    {
        var (organ, _) = await ArrangeAsync();
        var v = await ComputeAsync(organ, 2020);
        var g = TrialFormat2019.Item1;
        Assert.Equal(2, v.Figures.Value(g, "normative", "made")); // 丙, 丁
        Assert.Equal(2, v.Figures.Value(g, "normative", "published")); // 乙, 丙
        Assert.Equal(3, v.Figures.Value(g, "normative", "total")); // 甲, 乙, 丙
        Assert.Equal((2m, 2m, 7m), (v.Figures.Value(g, "rules", "made"), v.Figures.Value(g, "rules", "published"), v.Figures.Value(g, "rules", "total")));
        Assert.Equal(120, v.Figures.Value(TrialFormat2019.Item5, "licensing", "decisions"));
        Assert.Equal((30m, 4m), (v.Figures.Value(TrialFormat2019.Item6, "penalty", "decisions"), v.Figures.Value(TrialFormat2019.Item6, "coercion", "decisions")));
        // Not held by the platform and not entered: empty, not zero.
        Assert.Null(v.Figures[TrialFormat2019.Item9.CellId("purchase", "amount")]);
        Assert.Null(v.Figures[TrialFormat2019.Item5.CellId("licensing", "last")]);
        // 2019: 甲 made and published, 乙 made; published by the end of 2019: 甲.
        var before = await ComputeAsync(organ, 2019);
        Assert.Equal((2m, 1m, 1m), (before.Figures.Value(g, "normative", "made"), before.Figures.Value(g, "normative", "published"), before.Figures.Value(g, "normative", "total")));
    }

    [Fact]
    public async Task All_organs_computed_together_equal_each_organs_own_report_and_a_year_without_calendar_is_refused()
    {
        await ArrangeAsync();
        foreach (var year in new[] { 2020, 2025 })
        {
            var all = await WithAsync(s => s.GetRequiredService<ComputeAllAnnualReports>().ComputeAsync(year));
            Assert.True(all.Count >= 2);
            Assert.Contains(all, v => v.Figures.Table3("new", null) > 0);
            foreach (var together in all)
            {
                var alone = await ComputeAsync(together.Organ.Id, year);
                Assert.Equal(alone.Figures.Cells.OrderBy(c => c.Key), together.Figures.Cells.OrderBy(c => c.Key));
                Assert.Equal(alone.FeeLine, together.FeeLine);
                Assert.Equal(alone.Rules.Select(r => (r.Rule, r.Outcome, r.Message)), together.Rules.Select(r => (r.Rule, r.Outcome, r.Message)));
                Assert.Equal(alone.Requests.AverageWorkingDays, together.Requests.AverageWorkingDays);
            }
        }

        var e = await Assert.ThrowsAsync<ValidationFailure>(() => WithAsync(s => s.GetRequiredService<ComputeAllAnnualReports>().ComputeAsync(2031)));
        Assert.Contains("超出已载入的节假日安排", e.Message);
        e = await Assert.ThrowsAsync<ValidationFailure>(() => WithAsync(s => s.GetRequiredService<ComputeAllAnnualReports>().ComputeAsync(2017)));
        Assert.Contains("2017年度适用2019年以前的《政府信息公开情况统计表》", e.Message);
    }

    [Fact]
    public async Task The_2020_report_downloads_in_the_trial_layout_as_json_html_pdf_and_excel()
    {
        var (organ, plan) = await ArrangeAsync();
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var other = plan.Count(p => ClosedIn2020(p) && TrialFormat2019.OtherHandling.Contains(p.Outcome!.Value));

        var json = JsonDocument.Parse(await admin.GetStringAsync($"/admin/reports/{organ}/2020/download?format=json")).RootElement;
        Assert.Equal("国办公开办函〔2019〕60号", json.GetProperty("format").GetString());
        Assert.Equal(other, json.GetProperty("三").GetProperty("三、本年度办理结果").GetProperty("（六）其他处理").GetProperty("总计").GetInt32());
        Assert.Equal(120, json.GetProperty("二").GetProperty("第二十条第（五）项").GetProperty("行政许可").GetProperty("处理决定数量").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("二").GetProperty("第二十条第（九）项").GetProperty("政府集中采购").GetProperty("采购总金额").ValueKind);

        var page = (await admin.GetStringAsync($"/admin/reports/{organ}/2020")).Text();
        Assert.Contains("国办公开办函〔2019〕60号", page);
        Assert.Contains("<th scope=\"rowgroup\" colspan=\"1\" rowspan=\"20\">三、本年度办理结果</th>", page);
        Assert.Contains("第二十条第（九）项", page);

        var pdf = await admin.GetByteArrayAsync($"/admin/reports/{organ}/2020/download?format=pdf");
        using (var doc = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var text = string.Concat(doc.GetPages().Select(p => p.Text));
            Assert.Contains("北京市西城区民政局2020年政府信息公开工作年度报告", text);
            Assert.Contains("对外公开总数量", text);
            Assert.Contains("政府集中采购", text);
        }

        var xlsx = await admin.GetByteArrayAsync($"/admin/reports/{organ}/2020/download?format=xlsx");
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheets = book.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        DocumentFormat.OpenXml.Spreadsheet.Worksheet Sheet(string name) =>
            ((DocumentFormat.OpenXml.Packaging.WorksheetPart)book.WorkbookPart.GetPartById(sheets.Single(s => s.Name == name).Id!)).Worksheet;
        static string Text(DocumentFormat.OpenXml.Spreadsheet.Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        var t3 = Sheet("表三");
        Assert.Contains("A6:A25", t3.Descendants<DocumentFormat.OpenXml.Spreadsheet.MergeCell>().Select(m => m.Reference!.Value)); // 20 rows under 三
        var row = t3.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Single(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Any(c => Text(c) == "（六）其他处理"));
        var numbers = row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Where(c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number).Select(c => int.Parse(c.CellValue!.Text)).ToList();
        Assert.Equal([.. ApplicantTypes.All.Select(t => plan.Count(p => p.Type == t && ClosedIn2020(p) && TrialFormat2019.OtherHandling.Contains(p.Outcome!.Value))), other], numbers);
        Assert.Contains(Sheet("表二").Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>(), c => Text(c) == "第二十条第（九）项");
    }

    [Fact]
    public async Task A_year_before_2019_shows_its_imported_statistics_table_and_is_refused_clearly_when_nothing_was_imported()
    {
        var (organ, _) = await ArrangeAsync();
        var code = (await app.OrganAsync("区民政局")).Code;
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);

        var missing = (await admin.GetStringAsync($"/admin/reports/{organ}/2017")).Text();
        Assert.Contains("2017年度适用2019年以前的《政府信息公开情况统计表》，尚未导入该年度已公布的统计表", missing);
        var e = await Assert.ThrowsAsync<ValidationFailure>(() => ComputeAsync(organ, 2017));
        Assert.Contains("请导入该年度已公布的统计表后查看", e.Message);

        await WithAsync(s => s.GetRequiredService<ImportReport>().HandleAsync(code, 2016, Gongkai.Tests.Reports.Pre2019ImportTests.Fill(Gongkai.Tests.Reports.Pre2019ImportTests.Xicheng2016)));
        var page = (await admin.GetStringAsync($"/admin/reports/{organ}/2016")).Text();
        Assert.Contains("北京市西城区民政局2016年政府信息公开情况统计表", page);
        Assert.Contains("政府信息公开情况统计表（2019年以前）", page);
        Assert.Contains("<td data-cell=\"received\" class=\"rule-failed\"><span class=\"value\">1466</span>", page);
        Assert.Contains("＝1473", page);
        Assert.DoesNotContain("id=\"report-form\"", page); // an imported table is not edited here

        var json = JsonDocument.Parse(await admin.GetStringAsync($"/admin/reports/{organ}/2016/download?format=json")).RootElement;
        Assert.Equal(1466, json.GetProperty("统计表").GetProperty("三、依申请公开情况").GetProperty("收到申请数").GetInt32());
        Assert.Equal(2, json.GetProperty("checks").EnumerateArray().Count(c => c.GetProperty("outcome").GetString() == "Failed"));
        var pdf = await admin.GetAsync($"/admin/reports/{organ}/2016/download?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Contains("不提供PDF和Excel格式", (await pdf.Content.ReadAsStringAsync()).Text());
    }
}

public sealed class AnnualFormatsTests_Sqlite(SqliteApp app) : AnnualFormatsTests<SqliteApp>(app);

public sealed class AnnualFormatsTests_Postgres(PostgresApp app) : AnnualFormatsTests<PostgresApp>(app);
