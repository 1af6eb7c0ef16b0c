using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Search;
using Gongkai.Policy.Evaluations;
using Gongkai.Policy.Interpretations;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Policy;

/// <summary>
/// Interpretations found through the platform's full-text index with Chinese terms (question, answer, element, policy
/// title), and withdrawal of interpretations and evaluations: gone from public pages, the index and the yearly count,
/// the 三同步 list updated, audited. Both databases.
/// </summary>
public abstract class InterpretationSearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    private void At(string local) => app.Clock.Now = Gongkai.Policy.Consultations.ConsultationInput.Instant(ConsultationKit.Local(local));

    private Task<T> AsManage<T>(Func<ManageInterpretation, GongkaiDb, Task<T>> work) =>
        app.AsAdminAsync(sp => work(sp.GetRequiredService<ManageInterpretation>(), sp.GetRequiredService<GongkaiDb>()));

    private async Task<List<string>> FoundAsync(HttpClient client, string q)
    {
        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/interpretations?q=" + Uri.EscapeDataString(q));
        return json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
    }

    [Fact]
    public async Task QandA_pairs_are_found_by_Chinese_terms_and_a_withdrawn_interpretation_leaves_pages_index_and_the_sync_list()
    {
        At("2026-05-11 10:00");
        var policy = await app.PublishAsync(new Publishing.Doc("西城区老年人助浴服务补贴实施细则", WrittenOn: "2026-05-08"));
        var other = await app.PublishAsync(new Publishing.Doc("西城区背街小巷精细化管理办法", WrittenOn: "2026-05-08"));
        await AsManage(async (m, _) =>
        {
            await m.FlagAsync(policy);
            return 0;
        });
        var organ = (await app.OrganAsync("区民政局")).Id;
        async Task<Guid> PublishedAsync(Guid doc, string title, string questions, string? main = null) => await AsManage(async (m, db) =>
        {
            var i = await m.SaveAsync(null, new InterpretationInput
            {
                OrganId = organ,
                Title = title,
                Form = InterpretationForm.QandA,
                MainContent = main,
                PolicyIds = doc.ToString(),
                QuestionsText = questions,
            });
            await m.PublishAsync(i);
            return i.Id;
        });
        var bath = await PublishedAsync(policy, "一图读懂助浴补贴",
            "问：哪些老年人可以享受助浴补贴？\n答：本区户籍、年满八十周岁的失能老年人。\n问：补贴如何结算？\n答：由养老服务商每季度向街道申报，财政直接拨付。",
            "明确助浴服务的补贴对象、标准和结算方式。");
        var lanes = await PublishedAsync(other, "背街小巷管理问答", "问：门前三包由谁负责？\n答：沿街单位和商户负责门前环境卫生。");

        var client = app.Browser();
        Assert.Equal(["一图读懂助浴补贴"], await FoundAsync(client, "失能老年人"));          // an answer
        Assert.Equal(["一图读懂助浴补贴"], await FoundAsync(client, "享受助浴"));            // a question
        Assert.Equal(["一图读懂助浴补贴"], await FoundAsync(client, "财政 街道"));           // two terms, anywhere in the record
        Assert.Equal(["一图读懂助浴补贴"], await FoundAsync(client, "实施细则"));            // the policy explained
        Assert.Equal(["背街小巷管理问答"], await FoundAsync(client, "门前三包"));
        Assert.Empty(await FoundAsync(client, "停车泊位"));
        Assert.Empty(await FoundAsync(client, "失能 门前三包"));                           // terms of two different records
        Assert.Contains("一图读懂助浴补贴", (await client.GetStringAsync("/interpretations?q=" + Uri.EscapeDataString("每季度"))).Text());
        var entries = await app.WithDbAsync(db => db.Set<SearchEntry>().Where(e => e.OwnerType == InterpretationSearch.OwnerType).Select(e => e.OwnerId).ToListAsync());
        Assert.Equal(new[] { bath, lanes }.Order(), entries.Order());

        // An edit of a published interpretation is searchable at once.
        await AsManage(async (m, db) =>
        {
            var i = await db.Set<Interpretation>().Include(x => x.Policies).Include(x => x.Questions).SingleAsync(x => x.Id == lanes);
            await m.SaveAsync(i, new InterpretationInput
            {
                Title = i.Title,
                Form = InterpretationForm.QandA,
                PolicyIds = other.ToString(),
                QuestionsText = "问：门前三包由谁负责？\n答：沿街单位和商户负责门前环境卫生。\n问：共享单车乱停放怎么办？\n答：拨打12345热线反映。",
            });
            return 0;
        });
        Assert.Equal(["背街小巷管理问答"], await FoundAsync(client, "共享单车"));
        Assert.Equal("已同步解读", (await app.AsAdminAsync(sp => sp.GetRequiredService<InterpretationQueries>().SyncListAsync())).Single(r => r.DocumentId == policy).Status);

        // Withdrawal: a reason is required; then the interpretation is gone everywhere the public looks.
        var blank = await Assert.ThrowsAsync<ValidationFailure>(() => AsManage(async (m, db) =>
        {
            await m.WithdrawAsync(await db.Set<Interpretation>().SingleAsync(x => x.Id == bath), "  ");
            return 0;
        }));
        Assert.Contains("请填写撤回理由", blank.Message);
        await AsManage(async (m, db) =>
        {
            await m.WithdrawAsync(await db.Set<Interpretation>().SingleAsync(x => x.Id == bath), "补贴标准调整，解读需重新编写。");
            return 0;
        });
        Assert.Empty(await FoundAsync(client, "失能老年人"));
        Assert.DoesNotContain("一图读懂助浴补贴", (await client.GetStringAsync("/interpretations")).Text());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/interpretations/{bath}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/interpretations/{bath}")).StatusCode);
        Assert.DoesNotContain($"/interpretations/{bath}", await client.GetStringAsync($"/documents/{policy}"));
        Assert.False(await app.WithDbAsync(db => db.Set<SearchEntry>().AnyAsync(e => e.OwnerId == bath)));
        Assert.Equal("未解读", (await app.AsAdminAsync(sp => sp.GetRequiredService<InterpretationQueries>().SyncListAsync())).Single(r => r.DocumentId == policy).Status);
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "interpretation.withdraw").Select(e => e.Summary).ToListAsync());
        Assert.Contains(audit, s => s!.Contains("补贴标准调整", StringComparison.Ordinal));
        var again = await Assert.ThrowsAsync<ValidationFailure>(() => AsManage(async (m, db) =>
        {
            await m.WithdrawAsync(await db.Set<Interpretation>().SingleAsync(x => x.Id == bath), "再次撤回");
            return 0;
        }));
        Assert.Contains("只有已发布的政策解读可以撤回", again.Message);

        // Published again, it is found again.
        await AsManage(async (m, db) =>
        {
            await m.PublishAsync(await db.Set<Interpretation>().SingleAsync(x => x.Id == bath));
            return 0;
        });
        Assert.Equal(["一图读懂助浴补贴"], await FoundAsync(client, "失能老年人"));

        // An upgrade that empties the index: the rebuild (search reindex, or at start-up) indexes the published ones again.
        await app.WithDbAsync(async db =>
        {
            await SearchIndex.For(db).RemoveAllAsync(db, InterpretationSearch.OwnerType);
            return 0;
        });
        Assert.Empty(await FoundAsync(client, "失能老年人"));
        var rebuilt = await app.AsAdminAsync(async sp =>
        {
            var records = sp.GetServices<IIndexedRecords>().Single(r => r.OwnerType == InterpretationSearch.OwnerType);
            Assert.True(await records.IsMissingAsync());
            var count = await records.RebuildAsync();
            Assert.False(await records.IsMissingAsync());
            return count;
        });
        Assert.Equal(2, rebuilt);
        Assert.Equal(["一图读懂助浴补贴"], await FoundAsync(client, "失能老年人"));
        Assert.Equal(["背街小巷管理问答"], await FoundAsync(client, "共享单车"));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "search.reindex" && e.TargetType == "Interpretation")));
    }

    [Fact]
    public async Task A_withdrawn_evaluation_leaves_the_public_page_and_the_organ_counts_as_without_one_again()
    {
        At("2026-11-20 10:00");
        var organ = (await app.OrganAsync("区财政局")).Id;
        var evaluation = await app.AsAdminAsync(sp => sp.GetRequiredService<PolicyEvaluations>().PublishAsync(new EvaluationInput
        {
            OrganId = organ,
            Year = 2026,
            PolicyTitle = "西城区政府采购支持中小企业办法",
            Scope = "2026年全区采购项目",
            Method = "数据分析",
            Findings = "中小企业份额达到预期目标。",
            FollowUp = "继续扩大预留份额。",
        }));
        var client = app.Browser();
        Assert.Contains("中小企业份额达到预期目标", (await client.GetStringAsync("/evaluations?year=2026")).Text());
        Assert.DoesNotContain("北京市西城区财政局", await app.AsAdminAsync(sp => sp.GetRequiredService<PolicyEvaluations>().MissingAsync(2026)));

        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        Assert.Contains("西城区政府采购支持中小企业办法", (await admin.GetStringAsync("/admin/evaluations?year=2026")).Text());
        var blank = await admin.SubmitAsync("/admin/evaluations?year=2026",
            [new("evaluationId", evaluation.Id.ToString()), new("year", "2026"), new("withdrawalReason", "")], "/admin/evaluations?handler=Withdraw");
        Assert.Contains("请填写撤回理由", (await blank.Content.ReadAsStringAsync()).Text());
        var ok = await admin.SubmitAsync("/admin/evaluations?year=2026",
            [new("evaluationId", evaluation.Id.ToString()), new("year", "2026"), new("withdrawalReason", "评价数据有误，核实后重新发布。")], "/admin/evaluations?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        Assert.DoesNotContain("中小企业份额达到预期目标", (await client.GetStringAsync("/evaluations?year=2026")).Text());
        Assert.Contains("北京市西城区财政局", await app.AsAdminAsync(sp => sp.GetRequiredService<PolicyEvaluations>().MissingAsync(2026)));
        var stored = await app.WithDbAsync(db => db.Set<PolicyEvaluation>().SingleAsync(x => x.Id == evaluation.Id));
        Assert.Equal("评价数据有误，核实后重新发布。", stored.WithdrawalReason);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "policy.evaluation.withdraw" && e.TargetId == evaluation.Id.ToString())));
    }
}

public sealed class InterpretationSearchTests_Sqlite(ClockedSqliteApp app) : InterpretationSearchTests<ClockedSqliteApp>(app);

public sealed class InterpretationSearchTests_Postgres(ClockedPostgresApp app) : InterpretationSearchTests<ClockedPostgresApp>(app);
