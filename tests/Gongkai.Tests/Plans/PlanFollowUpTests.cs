using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Plans;
using Gongkai.Plans.Ledger;
using Gongkai.Plans.Parsing;
using Gongkai.Plans.Reminders;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Plans;

/// <summary>
/// 工作要点 at size and over time: the ledger and public page a hundred tasks a page with filters and database counts,
/// the export of every filtered row, the daily reminders to the organs named, and the scores page's weights.
/// </summary>
public abstract partial class PlanFollowUpTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    private const string Password = "Follow-pass-2026";

    [GeneratedRegex("<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex Body();

    private static int RowCount(string html) => Regex.Matches(Body().Match(html).Groups[1].Value, "<tr>").Count;

    /// <summary>A plan of <paramref name="count"/> tasks: task i is due on day i of 2026 from 1 January (every tenth one done), the odd ones name 区财政局 too.</summary>
    private async Task<Guid> SeedAsync(string title, int count, bool isPublic = true)
    {
        var ndrc = await app.OrganAsync("区发展改革委");
        var finance = await app.OrganAsync("区财政局");
        return await app.WithDbAsync(async db =>
        {
            var plan = new WorkPlan { Title = title, Year = 2026, IsPublic = isPublic, CreatedAt = app.Clock.Now, UpdatedAt = app.Clock.Now };
            for (var i = 1; i <= count; i++)
            {
                var task = new PlanTask
                {
                    PlanId = plan.Id,
                    Sequence = i,
                    Number = i.ToString(CultureInfo.InvariantCulture),
                    Text = i == 137 ? "第137项：推进公共资源配置领域信息公开。" : $"第{i}项：做好重点领域信息公开。",
                    LeadUnits = "区发展改革委",
                    ResponsibleUnits = i % 2 == 1 ? "区财政局" : "",
                    Due = new DateOnly(2026, 1, 1).AddDays(i - 1),
                    DeadlineKind = DeadlineKind.Date,
                    UpdatedAt = app.Clock.Now,
                }.WithStoredState(i % 10 == 0 ? PlanTaskStatus.Done : PlanTaskStatus.InProgress);
                task.Organs.Add(new PlanTaskOrgan { TaskId = task.Id, OrganId = ndrc.Id, Role = PlanRole.Lead });
                if (i % 2 == 1)
                {
                    task.Organs.Add(new PlanTaskOrgan { TaskId = task.Id, OrganId = finance.Id, Role = PlanRole.Responsible });
                }

                plan.Tasks.Add(task);
            }

            db.WorkPlans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
    }

    [Fact]
    public async Task The_public_page_shows_a_hundred_tasks_a_page_with_filters_and_the_summary_of_the_whole_plan()
    {
        // 2026-05-01 is day 121: tasks 1–120 are past their due date; a tenth of them are done.
        app.Clock.SetDay("2026-05-01");
        var id = await SeedAsync("分页测试工作要点", 250);
        var reader = app.Browser();
        var first = (await reader.GetStringAsync($"/plans/{id}")).Text();
        Assert.Equal(100, RowCount(first));
        Assert.Contains("共250项任务，本页第1至100项", first);
        Assert.Contains("任务 <strong>250</strong>", first);
        Assert.Contains("已完成 <strong>25</strong>", first);
        Assert.Contains("已逾期 <strong>108</strong>", first);
        Assert.Contains("按期推进 <strong>117</strong>", first);
        Assert.Contains("aria-label=\"分页\"", first);
        Assert.Contains("aria-current=\"page\"", first);
        Assert.Contains($"href=\"/plans/{id}?page=3\"", first);

        var last = (await reader.GetStringAsync($"/plans/{id}?page=3")).Text();
        Assert.Equal(50, RowCount(last));
        Assert.Contains("<td>201</td>", last);
        Assert.DoesNotContain("<td>200</td>", last);
        Assert.Equal(50, RowCount((await reader.GetStringAsync($"/plans/{id}?page=99")).Text()));

        // Filters: the organ (and its summary), overdue, due soon (within 14 days: days 121–135), words.
        var finance = await app.OrganAsync("区财政局");
        var organ = (await reader.GetStringAsync($"/plans/{id}?organ={finance.Code}")).Text();
        Assert.Contains("共125项任务", organ);
        Assert.Contains("任务 <strong>125</strong>", organ);
        Assert.Contains("已完成 <strong>0</strong>", organ);
        var overdue = (await reader.GetStringAsync($"/plans/{id}?standing=Overdue&page=2")).Text();
        Assert.Contains("共108项任务，本页第101至108项", overdue);
        Assert.Equal(8, RowCount(overdue));
        Assert.Contains($"href=\"/plans/{id}?standing=Overdue\" rel=\"prev\"", overdue);
        var soon = (await reader.GetStringAsync($"/plans/{id}?standing=DueSoon")).Text();
        Assert.Contains("共14项任务", soon);
        var words = (await reader.GetStringAsync($"/plans/{id}?q=%E5%85%AC%E5%85%B1%E8%B5%84%E6%BA%90")).Text();
        Assert.Contains("共1项任务", words);
        Assert.Contains("第137项", words);
        Assert.Contains("value=\"公共资源\"", words);
        Assert.Contains("共0项任务", (await reader.GetStringAsync($"/plans/{id}?organ=NOPE")).Text());
    }

    [Fact]
    public async Task The_ledger_pages_for_staff_and_the_export_has_every_filtered_row()
    {
        app.Clock.SetDay("2026-05-01");
        var id = await SeedAsync("台账分页测试", 230, isPublic: false);
        await app.StaffAsync("follow-office", Password, (StaffRole.OpennessOffice, null));
        var office = app.Browser();
        await office.SignInOkAsync("follow-office", Password);
        var html = (await office.GetStringAsync($"/admin/plans/{id}")).Text();
        Assert.Equal(100, RowCount(html));
        Assert.Contains("共230项任务", html);
        Assert.Contains($"href=\"/admin/plans/{id}?page=2\"", html);

        var xlsx = await office.GetAsync($"/admin/plans/{id}?handler=Export");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(231, Rows(await xlsx.Content.ReadAsByteArrayAsync()));
        var overdue = await office.GetAsync($"/admin/plans/{id}?handler=Export&standing=Overdue");
        Assert.Equal(109, Rows(await overdue.Content.ReadAsByteArrayAsync()));

        // Organ staff see only their organ's tasks, and their summary.
        var finance = await app.OrganAsync("区财政局");
        await app.StaffAsync("follow-cz", Password, (StaffRole.Editor, finance.Id));
        var editor = app.Browser();
        await editor.SignInOkAsync("follow-cz", Password);
        var own = (await editor.GetStringAsync($"/admin/plans/{id}")).Text();
        Assert.Contains("共115项任务", own);
        Assert.Contains("任务 115", own);
        Assert.Equal(116, Rows(await (await editor.GetAsync($"/admin/plans/{id}?handler=Export")).Content.ReadAsByteArrayAsync()));
    }

    private static int Rows(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count();
    }

    [Fact]
    public async Task Due_soon_and_overdue_tasks_remind_each_organ_named_once_a_day_with_an_audit_record()
    {
        var ndrc = await app.OrganAsync("区发展改革委");
        var finance = await app.OrganAsync("区财政局");
        // 2026-01-20 is day 20: tasks 1–19 overdue (18 not done: 10 is done), tasks 20–34 due within 14 days (15, none done).
        app.Clock.SetDay("2026-01-20");
        // The other tests' plans (same application) are done, so the counts below are this plan's.
        await app.WithDbAsync(db => db.PlanTasks.ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, PlanTaskStatus.Done)));
        var id = await SeedAsync("提醒测试工作要点", 40, isPublic: false);
        var service = app.Services.GetRequiredService<PlanReminderService>();
        var before = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "plan.remind"));

        var run = await service.RunAsync(CancellationToken.None);
        // Every task names 区发展改革委, the odd ones 区财政局 too; done tasks (every tenth) are not reminded.
        var overdueOdd = Enumerable.Range(1, 19).Count(i => i % 2 == 1 && i % 10 != 0);
        var soonOdd = Enumerable.Range(20, 15).Count(i => i % 2 == 1 && i % 10 != 0);
        var soonAll = Enumerable.Range(20, 15).Count(i => i % 10 != 0);
        Assert.Equal(18 + overdueOdd, run.Overdue);
        Assert.Equal(soonAll + soonOdd, run.DueSoon);
        Assert.Equal(2, run.Organs);
        var audits = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "plan.remind").OrderBy(e => e.At).Skip(before).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.Contains(audits, a => a.OrganId == finance.Id && a.Summary == $"2026年1月20日工作要点任务提醒：即将到期{soonOdd}项，已逾期{overdueOdd}项");

        // The same day again: nothing new, no audit record.
        var again = await service.RunAsync(CancellationToken.None);
        Assert.Equal(0, again.DueSoon + again.Overdue);
        Assert.Equal(before + 2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "plan.remind")));
        Assert.Equal(run.DueSoon + run.Overdue, await app.WithDbAsync(db => db.PlanReminders.CountAsync(r => r.On == new DateOnly(2026, 1, 20))));

        // 区财政局's editor sees its own figures on the work list and its own lines on the list.
        await app.StaffAsync("remind-cz", Password, (StaffRole.Editor, finance.Id));
        var editor = app.Browser();
        await editor.SignInOkAsync("remind-cz", Password);
        var home = (await editor.GetStringAsync("/admin")).Text();
        Assert.Matches(new Regex($"<span class=\"work-count\">{soonOdd}</span>\\s*<span class=\"work-title\">即将到期的工作要点任务（今日提醒）</span>"), home);
        Assert.Matches(new Regex($"<span class=\"work-count\">{overdueOdd}</span>\\s*<span class=\"work-title\">逾期的工作要点任务（今日提醒）</span>"), home);
        var list = (await editor.GetStringAsync("/admin/plans/reminders?kind=Overdue")).Text();
        Assert.Equal(overdueOdd, RowCount(list));
        Assert.Contains("<td>区财政局</td>", list);
        Assert.DoesNotContain("<td>区发展改革委</td>", list);

        // Confirming a task done takes it off the next day's list; the next day writes its own lines.
        var task1 = await app.WithDbAsync(async db =>
        {
            var task = await db.PlanTasks.SingleAsync(t => t.PlanId == id && t.Sequence == 1);
            task.Confirm("区发展改革委", app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return task.Id;
        });
        app.Clock.SetDay("2026-01-21");
        var next = await service.RunAsync(CancellationToken.None);
        static bool Open(int i) => i != 1 && i % 10 != 0;
        Assert.Equal(Enumerable.Range(1, 20).Count(Open) + Enumerable.Range(1, 20).Count(i => Open(i) && i % 2 == 1), next.Overdue);
        Assert.Equal(Enumerable.Range(21, 15).Count(Open) + Enumerable.Range(21, 15).Count(i => Open(i) && i % 2 == 1), next.DueSoon);
        Assert.False(await app.WithDbAsync(db => db.PlanReminders.AnyAsync(r => r.On == new DateOnly(2026, 1, 21) && r.TaskId == task1)));
        Assert.Equal(18, await app.WithDbAsync(db => db.PlanReminders.CountAsync(r => r.On == new DateOnly(2026, 1, 20) && r.OrganId == ndrc.Id && r.Kind == PlanReminderKind.Overdue)));
    }

    [Fact]
    public async Task The_api_lists_public_plans_and_tasks_and_takes_progress_from_the_organs_named()
    {
        app.Clock.SetDay("2026-05-01");
        var id = await SeedAsync("接口测试工作要点", 150);
        var hidden = await SeedAsync("未公开的工作要点", 3, isPublic: false);
        var reader = app.CreateClient();
        var plans = await reader.GetFromJsonAsync<JsonElement>("/api/v1/plans");
        var plan = plans.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id);
        Assert.Equal(150, plan.GetProperty("tasks").GetInt32());
        Assert.Equal(15, plan.GetProperty("done").GetInt32());
        Assert.Equal(108, plan.GetProperty("overdue").GetInt32());
        Assert.DoesNotContain(plans.EnumerateArray(), p => p.GetProperty("id").GetGuid() == hidden);

        var page2 = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}/tasks?page=2");
        Assert.Equal(150, page2.GetProperty("total").GetInt32());
        Assert.Equal(2, page2.GetProperty("pageCount").GetInt32());
        Assert.Equal(50, page2.GetProperty("items").GetArrayLength());
        var first = page2.GetProperty("items")[0];
        Assert.Equal("101", first.GetProperty("number").GetString());
        Assert.Equal("2026-04-11", first.GetProperty("deadline").GetProperty("due").GetString());
        Assert.Equal("date", first.GetProperty("deadline").GetProperty("kind").GetString());
        Assert.Equal(["区发展改革委"], first.GetProperty("leadUnits").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("Overdue", first.GetProperty("standing").GetString());
        var soon = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}/tasks?standing=DueSoon");
        Assert.Equal(14, soon.GetProperty("total").GetInt32());

        var missing = await reader.GetAsync($"/api/v1/plans/{hidden}/tasks");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("尚未向社会公开", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // 区财政局's editor reports on an odd task (it is named) and cannot on an even one (404: not its organ's).
        var finance = await app.OrganAsync("区财政局");
        var editor = await app.StaffAsync("api-cz", Password, (StaffRole.Editor, finance.Id));
        var api = app.Browser();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.TokenAsync(editor.Id));
        var tasks = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == id && t.Sequence <= 2).OrderBy(t => t.Sequence).Select(t => t.Id).ToListAsync());
        var url = $"/api/v1/admin/plans/tasks/{tasks[0]}/progress";
        var created = await api.PostAsJsonAsync(url, new { text = "已完成专栏建设。", percent = 60, evidence = new[] { "/documents/x" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(finance.Code, body.GetProperty("organ").GetString());
        Assert.Equal("InProgress", body.GetProperty("status").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "plan.progress" && e.TargetId == tasks[0].ToString())));

        var bad = await api.PostAsJsonAsync(url, new { text = "x", percent = 150 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("完成比例应为0到100之间的整数", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/admin/plans/tasks/{tasks[1]}/progress", new { text = "越权", percent = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync(url, new { text = "无令牌", percent = 10 })).StatusCode);

        var openApi = await reader.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/plans/{id}/tasks", openApi);
        Assert.Contains("/api/v1/admin/plans/tasks/{taskId}/progress", openApi);
    }

    [Fact]
    public async Task The_scores_page_shows_the_four_weights_and_the_formula()
    {
        await app.StaffAsync("score-office", Password, (StaffRole.OpennessOffice, null));
        var office = app.Browser();
        await office.SignInOkAsync("score-office", Password);
        var html = (await office.GetStringAsync("/admin/plans/scores?year=2026")).Text();
        Assert.Contains("得分 = （40 × 任务完成率 + 30 × 任务按期率 + 15 × 主动公开及时率 + 15 × 依申请公开按期办结率）÷ 计入部分的权重之和 × 100", html);
        Assert.Contains("<th scope=\"row\">主动公开及时率</th><td>15</td>", html);
        Assert.Contains("<th scope=\"row\">依申请公开按期办结率</th><td>15</td>", html);
    }
}

public sealed class PlanFollowUpTests_Sqlite(ClockedSqliteApp app) : PlanFollowUpTests<ClockedSqliteApp>(app);

public sealed class PlanFollowUpTests_Postgres(ClockedPostgresApp app) : PlanFollowUpTests<ClockedPostgresApp>(app);
