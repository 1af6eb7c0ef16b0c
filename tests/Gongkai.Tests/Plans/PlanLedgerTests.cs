using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Plans;
using Gongkai.Plans.Ledger;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Plans;

/// <summary>工作要点: import with review, corrections, re-import changes, progress, confirmation, 督办, export, public page.</summary>
public abstract partial class PlanLedgerTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private const string OfficePassword = "Office-pass-2026";

    private async Task<HttpClient> OfficeAsync(string suffix)
    {
        var office = await app.StaffAsync("plan-office" + suffix, OfficePassword, (StaffRole.OpennessOffice, null));
        var client = app.Browser();
        await client.SignInOkAsync(office.UserName!, OfficePassword);
        return client;
    }

    [GeneratedRegex("<(input|textarea)\\b([^>]*)>")]
    private static partial Regex Field();

    [GeneratedRegex("name=\"([^\"]+)\"")]
    private static partial Regex NameAttr();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttr();

    /// <summary>The fields of the review form as the browser would post them.</summary>
    private static List<KeyValuePair<string, string>> ReviewFields(string html)
    {
        var start = html.IndexOf("id=\"review-form\"", StringComparison.Ordinal);
        Assert.True(start > 0, "no review form");
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        Assert.Contains("name=\"__csrf\"", form);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match m in Field().Matches(form))
        {
            var name = NameAttr().Match(m.Groups[2].Value);
            if (!name.Success || name.Groups[1].Value == "__csrf")
            {
                continue;
            }

            string value;
            if (m.Groups[1].Value == "textarea")
            {
                var close = form.IndexOf("</textarea>", m.Index, StringComparison.Ordinal);
                value = WebUtility.HtmlDecode(form[(m.Index + m.Length)..close]).TrimStart('\n').Replace("\r\n", "\n", StringComparison.Ordinal);
            }
            else
            {
                var v = ValueAttr().Match(m.Groups[2].Value);
                value = v.Success ? WebUtility.HtmlDecode(v.Groups[1].Value) : "";
            }

            fields.Add(new(name.Groups[1].Value, value));
        }

        return fields;
    }

    private static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var i = fields.FindIndex(f => f.Key == name);
        Assert.True(i >= 0, $"no field {name}");
        fields[i] = new(name, value);
    }

    private async Task<(HttpClient Client, Guid PlanId)> ImportAsync(string suffix, string text, Action<List<KeyValuePair<string, string>>>? correct = null)
    {
        var client = await OfficeAsync(suffix);
        var parsed = await client.SubmitAsync("/admin/plans/import", [new("Pasted", text)], "/admin/plans/import?handler=Parse");
        Assert.Equal(HttpStatusCode.OK, parsed.StatusCode);
        var html = await parsed.Content.ReadAsStringAsync();
        var fields = ReviewFields(html);
        correct?.Invoke(fields);
        var saved = await client.SubmitAsync("/admin/plans/import", fields, "/admin/plans/import?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = Guid.Parse(saved.Headers.Location!.ToString().Split('/').Last());
        return (client, id);
    }

    [Fact]
    public async Task A_task_left_without_deadline_text_or_units_is_saved_not_answered_500()
    {
        var (_, id) = await ImportAsync("nd", Seeds.Text("001"), f =>
        {
            Set(f, "Input.Tasks[0].DeadlineText", "");
            Set(f, "Input.Tasks[0].LeadUnits", "");
            Set(f, "Input.Tasks[0].Path", "");
        });
        var first = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == id).OrderBy(t => t.Sequence).FirstAsync());
        Assert.Equal("", first.DeadlineText);
        Assert.Equal("", first.LeadUnits);
    }

    [Fact]
    public async Task The_review_page_shows_tasks_beside_the_marked_source()
    {
        var client = await OfficeAsync("r");
        var response = await client.SubmitAsync("/admin/plans/import", [new("Pasted", Seeds.Text("001"))], "/admin/plans/import?handler=Parse");
        var html = (await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains("识别出42项任务", html);
        Assert.Contains("<mark class=\"src-text\" id=\"src-0\"", html);
        Assert.Contains("<mark class=\"src-units\"", html);
        Assert.Contains("name=\"Input.Tasks[41].Text\"", html);
        Assert.Contains("西城区2023年政务公开工作要点", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.WorkPlans.CountAsync()) - await app.WithDbAsync(db => db.WorkPlans.CountAsync()));
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_message_and_saves_nothing()
    {
        var client = await OfficeAsync("b");
        var before = await app.WithDbAsync(db => db.WorkPlans.CountAsync());
        var empty = (await (await client.SubmitAsync("/admin/plans/import", [new("Pasted", "  ")], "/admin/plans/import?handler=Parse")).Content.ReadAsStringAsync()).Text();
        Assert.Contains("没有文字内容", empty);
        var none = (await (await client.SubmitAsync("/admin/plans/import", [new("Pasted", "关于开会的通知\n请准时参加。")], "/admin/plans/import?handler=Parse")).Content.ReadAsStringAsync()).Text();
        Assert.Contains("没有找到可识别的任务", none);
        Assert.Equal(before, await app.WithDbAsync(db => db.WorkPlans.CountAsync()));
    }

    [Fact]
    public async Task A_reviewed_plan_is_saved_with_corrections_mapped_organs_and_an_audit_record()
    {
        var (_, planId) = await ImportAsync("s", Seeds.Text("001"), f => Set(f, "Input.Tasks[0].LeadUnits", "区政府办"));
        var tasks = await app.WithDbAsync(db => db.PlanTasks.Include(t => t.Organs).Where(t => t.PlanId == planId).OrderBy(t => t.Sequence).ToListAsync());
        Assert.Equal(42, tasks.Count);
        Assert.Equal("区政府办", tasks[0].LeadUnits);
        Assert.Equal(new DateOnly(2023, 10, 31), tasks[0].Due);
        var ndrc = await app.OrganAsync("区发展改革委");
        Assert.Contains(tasks[0].Organs, o => o.OrganId == ndrc.Id && o.Role == PlanRole.Responsible);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "plan.import" && e.TargetId == planId.ToString())));
    }

    [Fact]
    public async Task Reimporting_a_revised_document_shows_what_changed_and_keeps_progress()
    {
        var (client, planId) = await ImportAsync("ri", Seeds.Text("001"));
        var revised = Seeds.Text("001").Replace("(区发展改革委负责落实,完成时限: 2023 年 10 月)", "(区发展改革委负责落实,完成时限: 2023 年 12 月)", StringComparison.Ordinal);
        Assert.NotEqual(Seeds.Text("001"), revised);
        var url = $"/admin/plans/import/{planId}";
        var html = (await (await client.SubmitAsync(url, [new("Pasted", revised)], url + "?handler=Parse")).Content.ReadAsStringAsync()).Text();
        Assert.Contains("共1处变化", html);
        Assert.Contains("完成时限（2023年10月 → 2023年12月）", html);
    }

    [Fact]
    public async Task Progress_confirmation_comments_export_and_the_public_page()
    {
        var (office, planId) = await ImportAsync("p", Seeds.Text("001"));
        var first = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == planId).OrderBy(t => t.Sequence).FirstAsync());
        var ndrc = await app.OrganAsync("区发展改革委");
        var finance = await app.OrganAsync("区财政局");
        await app.StaffAsync("plan-fgw", "Dept-pass-101", (StaffRole.Editor, ndrc.Id));
        await app.StaffAsync("plan-cz", "Dept-pass-102", (StaffRole.Editor, finance.Id));
        var editor = app.Browser();
        await editor.SignInOkAsync("plan-fgw", "Dept-pass-101");
        var taskUrl = $"/admin/plans/tasks/{first.Id}";
        var report = await editor.SubmitAsync(taskUrl, [new("Input.OrganId", ndrc.Id.ToString()), new("Input.Text", "已在专栏发布十四五规划中期评估报告。"), new("Input.Percent", "100"), new("Input.Evidence", "/documents/abc")], taskUrl + "?handler=Report");
        Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);
        var bad = await editor.SubmitAsync(taskUrl, [new("Input.OrganId", ndrc.Id.ToString()), new("Input.Text", "x"), new("Input.Percent", "150")], taskUrl + "?handler=Report");
        Assert.Contains("完成比例应为0到100之间的整数", (await bad.Content.ReadAsStringAsync()).Text());

        // Another organ's editor does not find the task at all.
        var other = app.Browser();
        await other.SignInOkAsync("plan-cz", "Dept-pass-102");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(taskUrl)).StatusCode);

        var task = await app.WithDbAsync(db => db.PlanTasks.SingleAsync(t => t.Id == first.Id));
        Assert.Equal(PlanTaskStatus.Reported, task.Status);

        // No lead organ mapped: the office confirms; it also comments and marks the report public.
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitAsync(taskUrl, [], taskUrl + "?handler=Confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitAsync(taskUrl, [new("comment", "请补充佐证材料。")], taskUrl + "?handler=Comment")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.SubmitAsync(taskUrl, [new("comment", "越权督办")], taskUrl + "?handler=Comment")).StatusCode);
        var progress = await app.WithDbAsync(db => db.PlanProgress.SingleAsync(p => p.TaskId == first.Id));
        Assert.False(progress.IsPublic);
        var ledgerUrl = $"/admin/plans/{planId}";

        // Before the office marks it public, neither the plan nor the report is shown.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/plans/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitAsync(ledgerUrl, [new("isPublic", "true")], ledgerUrl + "?handler=Public")).StatusCode);
        var publicHtml = (await app.Browser().GetStringAsync($"/plans/{planId}")).Text();
        Assert.DoesNotContain("已在专栏发布十四五规划中期评估报告", publicHtml);
        Assert.Contains("已完成 <strong>1</strong>", publicHtml);
        Assert.Contains("已逾期 <strong>41</strong>", publicHtml);

        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitAsync(taskUrl, [new("progressId", progress.Id.ToString()), new("isPublic", "true")], taskUrl + "?handler=Public")).StatusCode);
        publicHtml = (await app.Browser().GetStringAsync($"/plans/{planId}")).Text();
        Assert.Contains("已在专栏发布十四五规划中期评估报告", publicHtml);
        var filtered = (await app.Browser().GetStringAsync($"/plans/{planId}?organ={ndrc.Code}&standing=Done")).Text();
        Assert.Contains("共1项任务", filtered);
        Assert.Contains(planId.ToString(), (await app.Browser().GetStringAsync("/plans")));

        Assert.Equal(5, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action.StartsWith("plan.") && (e.TargetId == first.Id.ToString() || e.TargetId == progress.Id.ToString() || e.TargetId == planId.ToString()) && e.Action != "plan.import")));

        // The spreadsheet in the offices' shape.
        var xlsx = await office.GetAsync(ledgerUrl + "?handler=Export");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        string Cell(int r, int c) => rows[r].Elements<Cell>().ElementAt(c).InnerText;
        Assert.Equal(["序号", "任务", "牵头单位", "责任单位", "完成时限", "进展", "状态"], Enumerable.Range(0, 7).Select(c => Cell(0, c)));
        Assert.Equal(43, rows.Count);
        Assert.Equal("1", Cell(1, 0));
        Assert.StartsWith("做好京津冀协同发展", Cell(1, 1));
        Assert.Equal("区发展改革委", Cell(1, 3));
        Assert.Equal("2023年10月31日", Cell(1, 4));
        Assert.Equal("已在专栏发布十四五规划中期评估报告。（100%）", Cell(1, 5));
        Assert.Equal("已完成", Cell(1, 6));
        Assert.Equal("已逾期", Cell(2, 6));

        // The responsible organ's yearly score counts the one task done.
        var scores = (await office.GetStringAsync("/admin/plans/scores?year=2023")).Text();
        Assert.Contains("得分 = （40 × 任务完成率 + 30 × 任务按期率 + 15 × 主动公开及时率 + 15 × 依申请公开按期办结率）÷ 计入部分的权重之和 × 100", scores);
        var row = Regex.Match(scores, "<tr><td>区发展改革委</td><td>(\\d+)</td><td>1</td><td>(\\d+)</td>(?:<td>[^<]*</td>){6}<td>([0-9.]+)</td></tr>");
        Assert.True(row.Success, "no score row for 区发展改革委");
        var n = int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(n - 1, int.Parse(row.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Math.Round(100.0 / n, 1, MidpointRounding.AwayFromZero), double.Parse(row.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_unknown_unit_is_mapped_once_and_remembered()
    {
        var client = await OfficeAsync("m");
        const string text = "一、公开\n1.做好专项公开。（区新设机构甲负责落实，完成时限：2023年10月）\n";
        var html = (await (await client.SubmitAsync("/admin/plans/import", [new("Pasted", text)], "/admin/plans/import?handler=Parse")).Content.ReadAsStringAsync()).Text();
        Assert.Contains("区新设机构甲", html[html.IndexOf("id=\"unknown-units\"", StringComparison.Ordinal)..]);
        var map = await client.SubmitAsync("/admin/plans/import", [new("Input.Source", text), new("MapName", "区新设机构甲"), new("MapOrgan", "XC016")], "/admin/plans/import?handler=Map");
        var after = (await map.Content.ReadAsStringAsync()).Text();
        Assert.DoesNotContain("id=\"unknown-units\"", after);
        var mapping = await app.WithDbAsync(db => db.PlanUnitMappings.SingleAsync(m => m.Name == "区新设机构甲"));
        Assert.Equal((await app.OrganAsync("区财政局")).Id, mapping.OrganId);
        var directory = await app.WithDbAsync(db => UnitDirectory.LoadAsync(db));
        Assert.Equal("XC016", directory.Find("区新设机构甲")?.Code);
    }
}

public sealed class PlanLedgerTests_Sqlite(SqliteApp app) : PlanLedgerTests<SqliteApp>(app);

public sealed class PlanLedgerTests_Postgres(PostgresApp app) : PlanLedgerTests<PostgresApp>(app);
