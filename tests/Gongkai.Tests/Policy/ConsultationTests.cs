using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Platform;
using Gongkai.Platform.Staff;
using Gongkai.Policy.Consultations;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Policy;

/// <summary>Consultations over HTTP on both databases, with a clock the test sets: period, comments, moderation, groups, feedback.</summary>
public abstract partial class ConsultationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    [GeneratedRegex("id=\"receipt-number\">([^<]+)<")]
    private static partial Regex ReceiptNumber();

    [GeneratedRegex("name=\"Input.SubmissionKey\" value=\"([0-9a-f]+)\"")]
    private static partial Regex SubmissionKey();

    private void At(string local) => app.Clock.Now = ConsultationInput.Instant(ConsultationKit.Local(local));

    private async Task<HttpResponseMessage> CommentFormAsync(HttpClient client, Guid id, string body, Guid? article = null, string? contact = null)
    {
        var page = $"/consultations/{id}/comment" + (article is { } a ? $"?article={a}" : "");
        var html = await client.GetStringAsync(page);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.SubmissionKey", SubmissionKey().Match(html).Groups[1].Value),
            new("Input.Body", body),
            new("Input.Name", "张三"),
            new("Input.Contact", contact ?? ""),
        };
        if (article is { } art)
        {
            fields.Add(new("Input.ArticleId", art.ToString()));
        }

        return await client.SubmitAsync(page, fields, $"/consultations/{id}/comment");
    }

    private static async Task<string> ReceiptAsync(HttpResponseMessage response)
    {
        var html = (await response.Content.ReadAsStringAsync()).Text();
        var m = ReceiptNumber().Match(html);
        Assert.True(m.Success, html.Length > 3000 ? html[..3000] : html);
        return m.Groups[1].Value;
    }

    private async Task<string> ApiCommentAsync(HttpClient client, Guid id, string body, Guid? article = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/consultations/{id}/comments", new { articleId = article, body });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString()!;
    }

    [Fact]
    public async Task The_period_opens_and_closes_at_the_scheduled_instants_and_a_short_one_is_refused()
    {
        At("2026-03-02 10:00");
        var before = await app.WithDbAsync(db => db.Set<Consultation>().CountAsync());
        var shortOne = await Assert.ThrowsAsync<ValidationFailure>(() => app.OpenAsync("过短的征集", "2026-03-03 09:00", "2026-03-09 17:00"));
        Assert.Contains("不得少于5个工作日", shortOne.Message);
        Assert.Contains("2026年3月10日", shortOne.Message);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Consultation>().CountAsync()));

        var c = await app.OpenAsync("关于养老服务补贴办法征求意见", "2026-03-03 09:00", "2026-03-10 17:00");
        var client = app.Browser();
        var upcoming = (await client.GetStringAsync($"/consultations/{c.Id}")).Text();
        Assert.Contains("即将开始", upcoming);
        Assert.DoesNotContain("提出意见</a>", upcoming);
        Assert.Contains("意见征集尚未开始", (await (await CommentFormAsync(client, c.Id, "早到的意见")).Content.ReadAsStringAsync()).Text());

        At("2026-03-03 09:00");
        var open = (await client.GetStringAsync($"/consultations/{c.Id}")).Text();
        Assert.Contains("<strong>征集中</strong>", open);
        Assert.Contains(c.Title, (await client.GetStringAsync("/consultations")).Text());
        var receipt = await ReceiptAsync(await CommentFormAsync(client, c.Id, "建议扩大补贴范围。"));
        Assert.Matches("^YJ20260303-[2-9A-HJ-NP-Z]{8}$", receipt);

        At("2026-03-10 16:59");
        await ReceiptAsync(await CommentFormAsync(client, c.Id, "最后一分钟的意见。"));
        At("2026-03-10 17:00");
        var late = (await (await CommentFormAsync(client, c.Id, "迟到的意见。")).Content.ReadAsStringAsync()).Text();
        Assert.Contains("意见征集已于2026-03-10 17:00截止，不再接收意见", late);
        Assert.Equal(2, (await app.CommentsAsync(c.Id)).Count);
        Assert.Contains("已截止，待反馈", (await client.GetStringAsync($"/consultations/{c.Id}")).Text());
        Assert.Contains(c.Title, (await client.GetStringAsync("/consultations?state=awaiting-feedback")).Text());
        Assert.DoesNotContain(c.Title, (await client.GetStringAsync("/consultations")).Text());
        // 15 working days after 10 March 2026 (no holiday in between): 31 March.
        Assert.Equal(new DateOnly(2026, 3, 31), (await app.WithDbAsync(db => db.Set<Consultation>().SingleAsync(x => x.Id == c.Id))).FeedbackDueOn);
    }

    [Fact]
    public async Task Staff_pages_refuse_a_short_period_keep_the_form_and_hide_another_organs_consultation()
    {
        At("2026-04-01 10:00");
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var organ = (await app.OrganAsync("区民政局")).Id;
        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.OrganId", organ.ToString()),
            new("Input.Kind", "MajorDecision"),
            new("Input.Title", "页面发起的重大决策预公开"),
            new("Input.OpensAt", "2026-04-02T09:00"),
            new("Input.ClosesAt", "2026-04-03T17:00"),
            new("Input.DraftText", "第一条 内容。"),
        };
        var refused = (await (await admin.SubmitAsync("/admin/consultations/new", form)).Content.ReadAsStringAsync()).Text();
        Assert.Contains("征集期不得少于5个工作日", refused);
        Assert.Contains("页面发起的重大决策预公开", refused);

        form[4] = new("Input.ClosesAt", "2026-04-20T17:00");
        var created = await admin.SubmitAsync("/admin/consultations/new", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var adminPage = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(adminPage.Split('/').Last());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/consultations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(adminPage, [], adminPage + "?handler=Announce")).StatusCode);
        Assert.Contains("即将开始", (await app.Browser().GetStringAsync($"/consultations/{id}")).Text());

        await app.StaffAsync("cz-editor-c", "Editor-pass-01", (StaffRole.Editor, (await app.OrganAsync("区财政局")).Id));
        var other = app.Browser();
        await other.SignInOkAsync("cz-editor-c", "Editor-pass-01");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(adminPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(adminPage + "/comments")).StatusCode);
        Assert.DoesNotContain("页面发起的重大决策预公开", (await other.GetStringAsync("/admin/consultations")).Text());
    }

    [Fact]
    public async Task Moderation_removes_personal_data_records_reasons_and_groups_identical_comments()
    {
        At("2026-05-06 10:00");
        var c = await app.OpenAsync("关于社区养老驿站布局的意见征集", "2026-05-06 10:00", "2026-05-20 17:00");
        var client = app.Browser();
        var same = new[] { "建议把补贴提高到200元！", "建议把补贴提高到２００元。", " 建议 把补贴提高到200元" };
        foreach (var text in same)
        {
            await ApiCommentAsync(client, c.Id, text);
        }

        var withPhone = await ApiCommentAsync(client, c.Id, "请延长开放时间，有事请联系我13812345678。");
        var abusive = await ApiCommentAsync(client, c.Id, "全是废话，一群饭桶！");
        var comments = await app.CommentsAsync(c.Id);
        Assert.All(comments, x => Assert.Equal(ModerationStatus.Pending, x.Moderation));
        Assert.DoesNotContain("13812345678", (await client.GetStringAsync($"/consultations/{c.Id}")).Text());
        Assert.Contains("暂无公开的意见", (await client.GetStringAsync($"/consultations/{c.Id}")).Text());

        var byReceipt = comments.ToDictionary(x => x.ReceiptNumber);
        var redacted = await app.OnAsync(c.Id, (sp, cc) => sp.GetRequiredService<ModerateComments>()
            .PublishAsync(cc, comments.Where(x => x.ReceiptNumber != abusive).Select(x => x.Id).ToList()));
        Assert.Equal(1, redacted);
        var noReason = await Assert.ThrowsAsync<ValidationFailure>(() => app.OnAsync(c.Id, async (sp, cc) =>
        {
            await sp.GetRequiredService<ModerateComments>().HideAsync(cc, byReceipt[abusive].Id, " ");
            return 0;
        }));
        Assert.Contains("须说明理由", noReason.Message);
        await app.OnAsync(c.Id, async (sp, cc) =>
        {
            await sp.GetRequiredService<ModerateComments>().HideAsync(cc, byReceipt[abusive].Id, "含有辱骂、攻击性内容");
            return 0;
        });

        var page = (await client.GetStringAsync($"/consultations/{c.Id}")).Text();
        Assert.Contains("138****5678", page);
        Assert.DoesNotContain("13812345678", page);
        Assert.DoesNotContain("饭桶", page);
        Assert.Contains("张*", page.Replace("匿名", "张*"));
        var stored = await app.CommentsAsync(c.Id);
        Assert.Equal("已删除个人信息：手机号码1处", stored.Single(x => x.ReceiptNumber == withPhone).ModerationNote);
        Assert.Contains("13812345678", stored.Single(x => x.ReceiptNumber == withPhone).Body);

        var lookup = (await (await client.SubmitAsync("/consultations/receipt", [new("Number", abusive.ToLowerInvariant())])).Content.ReadAsStringAsync()).Text();
        Assert.Contains("不予公开：含有辱骂、攻击性内容", lookup);
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/comments/{withPhone}");
        Assert.Equal("已公开", api.GetProperty("moderation").GetString());
        Assert.DoesNotContain("13812345678", api.GetProperty("text").GetString());

        var groups = await app.AsAdminAsync(sp => sp.GetRequiredService<ConsultationQueries>().GroupsAsync(c.Id, 10));
        var group = Assert.Single(groups);
        Assert.Equal(3, group.Count);
        var answered = await app.OnAsync(c.Id, (sp, cc) => sp.GetRequiredService<AnswerComments>()
            .AnswerAsync(cc, [stored.First(x => x.Body == same[0].Trim()).Id], Disposition.PartlyAdopted, "将结合财力统筹研究。"));
        Assert.Equal(3, answered);
        var hiddenAnswer = await Assert.ThrowsAsync<ValidationFailure>(() => app.OnAsync(c.Id, (sp, cc) => sp.GetRequiredService<AnswerComments>()
            .AnswerAsync(cc, [byReceipt[abusive].Id], Disposition.Adopted, null)));
        Assert.Contains("不予公开的意见不需要答复", hiddenAnswer.Message);

        // A campaign's variants merged by staff count as one group from then on.
        var variants = new[] { "坚决反对在我小区设驿站", "坚决反对在我们小区设置驿站！" };
        foreach (var text in variants)
        {
            await ApiCommentAsync(client, c.Id, text);
        }

        var ids = (await app.CommentsAsync(c.Id)).Where(x => x.Body.StartsWith("坚决反对", StringComparison.Ordinal)).Select(x => x.Id).ToList();
        Assert.Equal(2, (await app.CommentsAsync(c.Id)).Where(x => ids.Contains(x.Id)).Select(x => x.GroupKey).Distinct().Count());
        await app.OnAsync(c.Id, (sp, cc) => sp.GetRequiredService<AnswerComments>().GroupAsync(cc, ids));
        Assert.Single((await app.CommentsAsync(c.Id)).Where(x => ids.Contains(x.Id)).Select(x => x.GroupKey).Distinct());
        Assert.Contains(await app.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync()), a => a == "consultation.comment.hide");
    }

    [Fact]
    public async Task The_feedback_report_counts_every_comment_and_waits_until_each_is_answered()
    {
        At("2026-06-01 10:00");
        var c = await app.OpenAsync("关于养老服务补贴标准的意见征集", "2026-06-01 10:00", "2026-06-12 17:00");
        var articles = await app.ArticlesAsync(c.Id, 1);
        var second = articles.Single(a => a.Label == "第二条").Id;
        var third = articles.Single(a => a.Label == "第三条").Id;
        var client = app.Browser();
        var plan = new (Guid? Article, string Text)[]
        {
            (second, "补贴太低，建议提高到200元。"), (second, "建议按月发放。"), (second, "建议把标准与物价挂钩。"),
            (third, "建议给出过渡期。"), (null, "总体赞成。"), (null, "建议同时公开资金使用情况。"), (null, "与本办法无关的停车问题。"),
        };
        foreach (var (article, text) in plan)
        {
            await ApiCommentAsync(client, c.Id, text, article);
        }

        var all = await app.CommentsAsync(c.Id);
        await app.OnAsync(c.Id, (sp, cc) => sp.GetRequiredService<ModerateComments>().PublishAsync(cc, all.Select(x => x.Id).ToList()));
        At("2026-06-12 17:00");
        var unanswered = await Assert.ThrowsAsync<ValidationFailure>(() => app.OnAsync(c.Id, async (sp, cc) =>
        {
            await sp.GetRequiredService<FeedbackReports>().PublishAsync(cc, "感谢参与。");
            return 0;
        }));
        Assert.Contains("还有7条意见未答复", unanswered.Message);
        var noReason = await Assert.ThrowsAsync<ValidationFailure>(() => app.OnAsync(c.Id, (sp, cc) => sp.GetRequiredService<AnswerComments>()
            .AnswerAsync(cc, [all[1].Id], Disposition.NotAdopted, "  ")));
        Assert.Contains("未采纳的意见必须说明理由", noReason.Message);

        var template = await app.AsAdminAsync(async sp => await sp.GetRequiredService<AnswerComments>()
            .SaveTemplateAsync(c.OrganId, "财力有限", Disposition.NotAdopted, "受财力所限，暂不调整。"));
        Task<int> Answer(int[] idx, Disposition d, string? reply) => app.OnAsync(c.Id, (sp, cc) => sp.GetRequiredService<AnswerComments>()
            .AnswerAsync(cc, idx.Select(i => all[i].Id).ToList(), d, reply, wholeGroups: false));
        Assert.Equal(2, await app.OnAsync(c.Id, (sp, cc) => sp.GetRequiredService<AnswerComments>()
            .AnswerFromTemplateAsync(cc, [all[0].Id, all[2].Id], template.Id, wholeGroups: false)));
        Assert.Equal(1, await Answer([1], Disposition.Adopted, "已改为按月发放。"));
        Assert.Equal(1, await Answer([3], Disposition.PartlyAdopted, "过渡期为三个月。"));
        Assert.Equal(2, await Answer([4, 5], Disposition.Adopted, null));
        Assert.Equal(1, await Answer([6], Disposition.OutOfScope, "已转交相关部门。"));

        // Late: the report is published after its due day (15 working days after 12 June, skipping 端午 on 19 June: 6 July 2026).
        Assert.Equal(new DateOnly(2026, 7, 6), (await app.WithDbAsync(db => db.Set<Consultation>().SingleAsync(x => x.Id == c.Id))).FeedbackDueOn);
        At("2026-07-07 10:00");
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        Assert.Contains(c.Title, (await admin.GetStringAsync("/admin/consultations?late=true")).Text());
        var published = await admin.SubmitAsync($"/admin/consultations/{c.Id}", [new("summary", "共收到7条意见，逐条研究如下。")], $"/admin/consultations/{c.Id}?handler=Feedback");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("逾期公布", (await admin.GetStringAsync("/admin/consultations?late=true")).Text());

        var report = await app.AsAdminAsync(sp => sp.GetRequiredService<FeedbackReports>().BuildAsync(c.Id));
        Assert.Equal(7, report.Received);
        Assert.Equal(report.Received, report.ByDisposition.Values.Sum() + report.Hidden);
        Assert.Equal(report.Answered, report.ByArticle.Sum(a => a.Total));
        Assert.Equal(3, report.ByDisposition[Disposition.Adopted]);
        Assert.Equal(2, report.ByDisposition[Disposition.NotAdopted]);
        var secondRow = report.ByArticle.Single(a => a.Article == "第二条");
        Assert.Equal(3, secondRow.Total);
        Assert.Equal(2, secondRow.ByDisposition[Disposition.NotAdopted]);
        var reason = Assert.Single(report.NotAdoptedReasons);
        Assert.Equal(("第二条", "受财力所限，暂不调整。", 2), (reason.Article, reason.Reason, reason.Count));

        var page = (await client.GetStringAsync($"/consultations/{c.Id}")).Text();
        Assert.Contains("共收到意见7条，其中采纳3条，部分采纳1条，未采纳2条，不属于本次征集范围1条，不予公开0条", page);
        Assert.Contains("受财力所限，暂不调整。", page);
        var feedback = await client.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{c.Id}/feedback");
        Assert.Equal(7, feedback.GetProperty("received").GetInt32());
        Assert.Equal(2, feedback.GetProperty("byDisposition").GetProperty("未采纳").GetInt32());
        var lookup = await client.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/comments/{all[1].ReceiptNumber}");
        Assert.Equal("采纳", lookup.GetProperty("disposition").GetString());
        Assert.Contains(c.Title, (await client.GetStringAsync("/consultations?state=concluded")).Text());
        var after = await Assert.ThrowsAsync<ValidationFailure>(() => Answer([1], Disposition.NotAdopted, "改主意了"));
        Assert.Contains("答复不能再修改", after.Message);

        var decision = await app.PublishAsync(new Publishing.Doc("西城区养老服务补贴办法", WrittenOn: "2026-07-01"));
        await app.OnAsync(c.Id, async (sp, cc) =>
        {
            await sp.GetRequiredService<ManageConsultation>().SetDecisionAsync(cc, decision);
            return 0;
        });
        Assert.Contains($"href=\"/documents/{decision}\" id=\"decision\"", await client.GetStringAsync($"/consultations/{c.Id}"));
    }

    [Fact]
    public async Task A_comment_on_an_article_stays_with_the_version_it_was_made_on()
    {
        At("2026-09-01 10:00");
        var c = await app.OpenAsync("关于补贴发放方式的意见征集", "2026-09-01 10:00", "2026-09-15 17:00");
        var v1Second = (await app.ArticlesAsync(c.Id, 1)).Single(a => a.Label == "第二条");
        var client = app.Browser();
        var first = await ReceiptAsync(await CommentFormAsync(client, c.Id, "100元太低。", v1Second.Id));

        var v2 = ConsultationKit.Draft.Replace("100元", "200元");
        var refused = await Assert.ThrowsAsync<ValidationFailure>(() => app.OnAsync(c.Id, (sp, cc) => sp.GetRequiredService<ManageConsultation>().AddVersionAsync(cc, v2, "")));
        Assert.Contains("请填写修改说明", refused.Message);
        await app.OnAsync(c.Id, (sp, cc) => sp.GetRequiredService<ManageConsultation>().AddVersionAsync(cc, v2, "根据意见将补贴标准提高到200元"));
        var v2Second = (await app.ArticlesAsync(c.Id, 2)).Single(a => a.Label == "第二条");
        Assert.NotEqual(v1Second.Id, v2Second.Id);
        var second = await ReceiptAsync(await CommentFormAsync(client, c.Id, "200元可以接受。", v2Second.Id));

        var comments = await app.CommentsAsync(c.Id);
        var old = comments.Single(x => x.ReceiptNumber == first);
        Assert.Equal((1, v1Second.Id, "第二条"), (old.VersionNumber, old.ArticleId, old.ArticleLabel));
        Assert.Equal((2, v2Second.Id), (comments.Single(x => x.ReceiptNumber == second).VersionNumber, comments.Single(x => x.ReceiptNumber == second).ArticleId));

        var current = (await client.GetStringAsync($"/consultations/{c.Id}")).Text();
        Assert.Contains("200元", current);
        Assert.Contains("100元", (await client.GetStringAsync($"/consultations/{c.Id}?version=1")).Text());
        var diff = (await client.GetStringAsync($"/consultations/{c.Id}/diff?from=1&to=2")).Text();
        Assert.Contains("<del>第二条 补贴标准为每人每月100元。</del>", diff);
        Assert.Contains("<ins>第二条 补贴标准为每人每月200元。</ins>", diff);
        Assert.Contains("根据意见将补贴标准提高到200元", (await client.GetStringAsync($"/consultations/{c.Id}")).Text());
        var lookup = (await (await client.SubmitAsync("/consultations/receipt", [new("Number", first)])).Content.ReadAsStringAsync()).Text();
        Assert.Contains("第1版第二条", lookup);

        await app.OnAsync(c.Id, (sp, cc) => sp.GetRequiredService<ModerateComments>().PublishAsync(cc, comments.Select(x => x.Id).ToList()));
        var report = await app.AsAdminAsync(sp => sp.GetRequiredService<FeedbackReports>().BuildAsync(c.Id));
        Assert.Equal(2, report.ByArticle.Single(a => a.Article == "第二条").Total);
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{c.Id}");
        Assert.Equal(2, api.GetProperty("versions").GetArrayLength());
        Assert.Equal("根据意见将补贴标准提高到200元", api.GetProperty("versions")[1].GetProperty("changeNote").GetString());
    }

    [Fact]
    public async Task Html_oversized_late_and_unknown_comments_are_refused_and_nothing_is_stored()
    {
        At("2026-10-12 10:00");
        var c = await app.OpenAsync("关于背街小巷整治的意见征集", "2026-10-12 10:00", "2026-10-19 17:00");
        var client = app.Browser();
        var html = (await (await CommentFormAsync(client, c.Id, "<b>加粗</b>的意见")).Content.ReadAsStringAsync()).Text();
        Assert.Contains("意见内容不能包含HTML标签", html);
        Assert.Contains("加粗", html);
        var big = (await (await CommentFormAsync(client, c.Id, new string('长', 2001))).Content.ReadAsStringAsync()).Text();
        Assert.Contains("意见内容不能超过2000字（现有2001字）", big);
        Assert.Empty(await app.CommentsAsync(c.Id));

        var key = Guid.NewGuid().ToString("N");
        async Task<JsonElement> Post(string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/consultations/{c.Id}/comments") { Content = JsonContent.Create(new { body, contact = "zhangsan@example.cn" }) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var once = await Post("重复点击的意见。");
        var twice = await Post("重复点击的意见。");
        Assert.Equal(once.GetProperty("receiptNumber").GetString(), twice.GetProperty("receiptNumber").GetString());
        Assert.True(twice.GetProperty("repeated").GetBoolean());
        var stored = Assert.Single(await app.CommentsAsync(c.Id));
        Assert.DoesNotContain("zhangsan", stored.ContactProtected);

        var problem = await client.PostAsJsonAsync($"/api/v1/consultations/{c.Id}/comments", new { body = "<script>x</script>" });
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
        Assert.Contains("HTML", await problem.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/consultations/{Guid.NewGuid()}/comments", new { body = "x" })).StatusCode);
        var draft = await app.OpenAsync("未发布的征集", "2026-10-13 10:00", "2026-10-30 17:00", announce: false);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/consultations/{draft.Id}/comments", new { body = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/consultations/{draft.Id}")).StatusCode);

        At("2026-10-19 17:00");
        var closed = await client.PostAsJsonAsync($"/api/v1/consultations/{c.Id}/comments", new { body = "晚了" });
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.Contains("已于2026-10-19 17:00截止", await closed.Content.ReadAsStringAsync());
        Assert.Single(await app.CommentsAsync(c.Id));

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/consultations?state=awaiting-feedback");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == c.Title);
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/consultations/{id}/comments", openApi);
        Assert.Contains("/api/v1/consultations/{id}/feedback", openApi);
        var rss = await client.GetStringAsync("/feeds/consultations.rss");
        Assert.Contains(c.Title, rss);
        Assert.Contains($"/consultations/{c.Id}</link>", rss);
        Assert.DoesNotContain("未发布的征集", rss);
        Assert.Contains("<feed", await client.GetStringAsync("/feeds/consultations.atom"));
    }

    [Fact]
    public async Task Staff_enter_a_letter_within_the_period_and_see_the_contact_masked()
    {
        At("2026-11-02 10:00");
        var c = await app.OpenAsync("关于便民服务点设置的意见征集", "2026-11-02 10:00", "2026-11-09 17:00");
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var page = $"/admin/consultations/{c.Id}";
        List<KeyValuePair<string, string>> Letter(string day) =>
        [
            new("Comment.Channel", "Letter"), new("Comment.ReceivedOn", day), new("Comment.ArticleId", ""),
            new("Comment.Body", "来信建议增设便民服务点。"), new("Comment.Name", "李四"), new("Comment.Contact", "13900001111"),
        ];
        var early = (await (await admin.SubmitAsync(page, Letter("2026-10-30"), page + "?handler=Enter")).Content.ReadAsStringAsync()).Text();
        Assert.Contains("只能录入征集期内", early);
        var entered = await admin.SubmitAsync(page, Letter("2026-11-02"), page + "?handler=Enter");
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        var comment = Assert.Single(await app.CommentsAsync(c.Id));
        Assert.Equal(CommentChannel.Letter, comment.Channel);
        Assert.DoesNotContain("13900001111", comment.ContactProtected);
        var list = (await admin.GetStringAsync($"/admin/consultations/{c.Id}/comments?view=moderation")).Text();
        Assert.Contains("139****1111", list);
        Assert.DoesNotContain("13900001111", list);
        Assert.Contains("信函", list);
        var published = await admin.SubmitAsync($"/admin/consultations/{c.Id}/comments?view=moderation", [new("ids", comment.Id.ToString())],
            $"/admin/consultations/{c.Id}/comments?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var answer = (await admin.GetStringAsync($"/admin/consultations/{c.Id}/comments?view=answer")).Text();
        Assert.Contains(comment.ReceiptNumber, answer);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEvents.Where(e => e.TargetId == c.Id.ToString()).Select(e => e.Action).ToListAsync()),
            a => a == "consultation.comment.enter");
    }
}

public sealed class ConsultationTests_Sqlite(ClockedSqliteApp app) : ConsultationTests<ClockedSqliteApp>(app);

public sealed class ConsultationTests_Postgres(ClockedPostgresApp app) : ConsultationTests<ClockedPostgresApp>(app);
