using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Policy.Interpretations;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Policy;

/// <summary>Interpretations and 三同步 over HTTP on both databases, with a clock the test sets.</summary>
public abstract class InterpretationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    private void At(string local) => app.Clock.Now = Gongkai.Policy.Consultations.ConsultationInput.Instant(ConsultationKit.Local(local));

    private Task<Guid> DraftPolicyAsync(string title) =>
        app.PublishAsync(new Publishing.Doc(title, WrittenOn: "2026-03-02", Publish: false));

    private Task SubmitAndApproveAsync(Guid id) => app.AsAdminAsync(async sp =>
    {
        var doc = await sp.GetRequiredService<GongkaiDb>().Documents.SingleAsync(d => d.Id == id);
        await sp.GetRequiredService<SubmitDocument>().HandleAsync(doc);
        await sp.GetRequiredService<ReviewDocument>().ApproveAsync(doc, "保密审查通过");
        return 0;
    });

    private Task PublishPolicyAsync(Guid id) => app.AsAdminAsync(async sp =>
    {
        var doc = await sp.GetRequiredService<GongkaiDb>().Documents.SingleAsync(d => d.Id == id);
        await sp.GetRequiredService<PublishDocument>().HandleAsync(doc, null);
        return 0;
    });

    private Task<Interpretation> InterpretAsync(Guid policy, string title, InterpretationForm form = InterpretationForm.QandA) =>
        app.AsAdminAsync(async sp => await sp.GetRequiredService<ManageInterpretation>().SaveAsync(null, new InterpretationInput
        {
            OrganId = (await app.OrganAsync("区民政局")).Id,
            Title = title,
            Form = form,
            Background = "依据《北京市养老服务条例》。",
            MainContent = "明确了补贴对象和标准。",
            KeyTerms = "运营补贴：按服务人次给予的补助。",
            PolicyIds = policy.ToString(),
            QuestionsText = "问：哪些驿站可以申请？\n答：在本区登记备案、连续运营满一年的养老服务驿站。\n问：补贴怎么发放？\n答：按季度拨付。",
        }));

    [Fact]
    public async Task A_policy_needing_interpretation_is_published_only_with_one_or_with_the_reviewers_reason()
    {
        At("2026-03-02 10:00");
        var policy = await DraftPolicyAsync("西城区养老服务驿站运营补贴办法");
        await app.AsAdminAsync(async sp =>
        {
            await sp.GetRequiredService<ManageInterpretation>().FlagAsync(policy);
            return 0;
        });
        await SubmitAndApproveAsync(policy);
        var refused = await Assert.ThrowsAsync<ValidationFailure>(() => PublishPolicyAsync(policy));
        Assert.Contains("该政策文件需要同步解读（三同步）", refused.Message);
        Assert.Equal(DocumentStatus.Reviewed, (await app.WithDbAsync(db => db.Documents.SingleAsync(d => d.Id == policy))).Status);

        var interpretation = await InterpretAsync(policy, "《西城区养老服务驿站运营补贴办法》政策解读");
        await PublishPolicyAsync(policy);
        var client = app.Browser();
        Assert.DoesNotContain("政策解读（问答）", (await client.GetStringAsync($"/documents/{policy}")).Text());
        await app.AsAdminAsync(async sp =>
        {
            var i = await sp.GetRequiredService<GongkaiDb>().Set<Interpretation>().SingleAsync(x => x.Id == interpretation.Id);
            await sp.GetRequiredService<ManageInterpretation>().PublishAsync(i);
            return 0;
        });
        var policyPage = (await client.GetStringAsync($"/documents/{policy}")).Text();
        Assert.Contains("政策解读（问答）", policyPage);
        Assert.Contains($"href=\"/interpretations/{interpretation.Id}\"", policyPage);
        var interpretationPage = (await client.GetStringAsync($"/interpretations/{interpretation.Id}")).Text();
        Assert.Contains($"href=\"/documents/{policy}\"", interpretationPage);
        Assert.Contains("关键词诠释", interpretationPage);
        Assert.Contains("问：补贴怎么发放？", interpretationPage);

        // A second flagged policy goes out without an interpretation only with a reviewer's reason.
        var notice = await DraftPolicyAsync("关于调整驿站补贴申报时间的通知");
        await app.AsAdminAsync(async sp =>
        {
            await sp.GetRequiredService<ManageInterpretation>().FlagAsync(notice);
            return 0;
        });
        await SubmitAndApproveAsync(notice);
        await Assert.ThrowsAsync<ValidationFailure>(() => PublishPolicyAsync(notice));
        var blank = await Assert.ThrowsAsync<ValidationFailure>(() => app.AsAdminAsync(async sp =>
        {
            await sp.GetRequiredService<ManageInterpretation>().WaiveAsync(notice, " ");
            return 0;
        }));
        Assert.Contains("请填写不需要同步解读的理由", blank.Message);
        await app.AsAdminAsync(async sp =>
        {
            await sp.GetRequiredService<ManageInterpretation>().WaiveAsync(notice, "仅调整申报时间，内容简单，无需解读。");
            return 0;
        });
        await PublishPolicyAsync(notice);
        Assert.Equal(DocumentStatus.Published, (await app.WithDbAsync(db => db.Documents.SingleAsync(d => d.Id == notice))).Status);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync()), a => a == "interpretation.waive");
    }

    [Fact]
    public async Task Late_and_missing_interpretations_are_on_the_offices_list_and_QandA_is_searchable()
    {
        At("2026-04-07 10:00");
        var policy = await DraftPolicyAsync("西城区社区食堂运营扶持办法");
        await app.AsAdminAsync(async sp =>
        {
            await sp.GetRequiredService<ManageInterpretation>().FlagAsync(policy);
            return 0;
        });
        await SubmitAndApproveAsync(policy);
        await app.AsAdminAsync(async sp =>
        {
            await sp.GetRequiredService<ManageInterpretation>().WaiveAsync(policy, "先行发布，解读随后补充。");
            return 0;
        });
        await PublishPolicyAsync(policy);
        var other = await app.PublishAsync(new Publishing.Doc("西城区助餐服务规范", WrittenOn: "2026-04-01"));
        await app.AsAdminAsync(async sp =>
        {
            await sp.GetRequiredService<ManageInterpretation>().FlagAsync(other);
            return 0;
        });

        // 3 working days after Tuesday 7 April 2026: 8, 9, 10 April.
        At("2026-04-13 10:00");
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var list = (await admin.GetStringAsync("/admin/interpretations")).Text();
        Assert.Contains("西城区助餐服务规范", list);
        Assert.Contains("逾期未解读", list);
        Assert.Contains("不需要解读（已说明理由）：先行发布，解读随后补充。", list);
        var rows = await app.AsAdminAsync(sp => sp.GetRequiredService<InterpretationQueries>().SyncListAsync());
        var late = rows.Single(r => r.DocumentId == other);
        Assert.Equal((true, new DateOnly(2026, 4, 10)), (late.Late, late.DueOn!.Value));

        var qa = await Assert.ThrowsAsync<ValidationFailure>(() => app.AsAdminAsync(async sp => await sp.GetRequiredService<ManageInterpretation>().SaveAsync(null, new InterpretationInput
        {
            OrganId = (await app.OrganAsync("区民政局")).Id,
            Title = "空问答",
            Form = InterpretationForm.QandA,
            PolicyIds = other.ToString(),
            QuestionsText = "问：有没有答案？",
        })));
        Assert.Contains("缺少答案", qa.Message);

        var interpretation = await InterpretAsync(other, "图说助餐服务规范", InterpretationForm.QandA);
        await app.AsAdminAsync(async sp =>
        {
            var i = await sp.GetRequiredService<GongkaiDb>().Set<Interpretation>().SingleAsync(x => x.Id == interpretation.Id);
            await sp.GetRequiredService<ManageInterpretation>().PublishAsync(i);
            return 0;
        });
        Assert.Equal("解读逾期发布", (await app.AsAdminAsync(sp => sp.GetRequiredService<InterpretationQueries>().SyncListAsync())).Single(r => r.DocumentId == other).Status);

        var client = app.Browser();
        var found = (await client.GetStringAsync("/interpretations?q=" + Uri.EscapeDataString("连续运营满一年"))).Text();
        Assert.Contains("图说助餐服务规范", found);
        Assert.Contains("共0篇", (await client.GetStringAsync("/interpretations?q=" + Uri.EscapeDataString("不存在的词语"))).Text());
        var api = await client.GetFromJsonAsync<JsonElement>("/api/v1/interpretations?q=" + Uri.EscapeDataString("按季度"));
        Assert.Contains(api.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "图说助餐服务规范");
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/interpretations/{interpretation.Id}");
        Assert.Equal(other, detail.GetProperty("policies")[0].GetProperty("id").GetGuid());
        Assert.Equal(2, detail.GetProperty("questions").GetArrayLength());
        Assert.Contains("/api/v1/interpretations/{id}", await client.GetStringAsync("/openapi/v1.json"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/interpretations/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Each_organ_publishes_a_yearly_policy_evaluation_and_the_office_sees_who_has_none()
    {
        At("2026-11-20 10:00");
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var before = (await admin.GetStringAsync("/admin/evaluations?year=2026")).Text();
        Assert.Contains("北京市西城区民政局", before);
        var organ = (await app.OrganAsync("区民政局")).Id;
        List<KeyValuePair<string, string>> Form(string findings) =>
        [
            new("Input.OrganId", organ.ToString()), new("Input.Year", "2026"), new("Input.PolicyTitle", "西城区养老服务驿站运营补贴办法"),
            new("Input.Scope", "2025年度全区驿站"), new("Input.Method", "问卷调查、座谈和数据分析"), new("Input.Findings", findings),
            new("Input.FollowUp", "修订补贴标准。"),
        ];
        var refused = (await (await admin.SubmitAsync("/admin/evaluations?year=2026", Form(""))).Content.ReadAsStringAsync()).Text();
        Assert.Contains("请填写评价结论", refused);
        var ok = await admin.SubmitAsync("/admin/evaluations?year=2026", Form("补贴总体发挥了作用，部分驿站服务量不足。"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var missing = await app.AsAdminAsync(sp => sp.GetRequiredService<Gongkai.Policy.Evaluations.PolicyEvaluations>().MissingAsync(2026));
        Assert.DoesNotContain("北京市西城区民政局", missing);
        Assert.Contains("北京市西城区财政局", missing);
        Assert.Contains("补贴总体发挥了作用", (await app.Browser().GetStringAsync("/evaluations?year=2026")).Text());
        Assert.Contains("北京市西城区民政局", await app.AsAdminAsync(sp => sp.GetRequiredService<Gongkai.Policy.Evaluations.PolicyEvaluations>().MissingAsync(2025)));
    }
}

public sealed class InterpretationTests_Sqlite(ClockedSqliteApp app) : InterpretationTests<ClockedSqliteApp>(app);

public sealed class InterpretationTests_Postgres(ClockedPostgresApp app) : InterpretationTests<ClockedPostgresApp>(app);
