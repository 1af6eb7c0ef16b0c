using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Platform.Staff;
using Gongkai.Platform.SiteErrors;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Portal;

/// <summary>
/// 我为政府网站找错: a reporter's message (validated, every problem at once, input kept, CSRF) reaches the administrators
/// at /admin/site-errors, who answer and close it (audited); the reporter reads the answer with the receipt number. The
/// contact is encrypted at rest and masked on the staff page; other staff are refused.
/// </summary>
public abstract partial class SiteErrorTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    [GeneratedRegex("ZC\\d{8}-[2-9A-HJ-NP-Z]{8}")]
    private static partial Regex ReceiptPattern();

    [Fact]
    public async Task A_message_is_answered_by_the_administrators_and_the_reporter_reads_the_answer_with_the_receipt()
    {
        var reporter = app.Browser();
        var form = await reporter.GetAsync("/site-errors?page=%2Fnews");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("value=\"/news\"", await form.Content.ReadAsStringAsync());

        var response = await reporter.SubmitAsync("/site-errors", [new("Input.PageUrl", "/news"), new("Input.Message", "要闻动态第二页的日期显示为空白。"), new("Input.Contact", "13800138000")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = (await response.Content.ReadAsStringAsync()).Text();
        var receipt = ReceiptPattern().Match(html).Value;
        Assert.NotEmpty(receipt);
        Assert.Contains("网站找错留言已收到", html);

        var stored = await app.WithDbAsync(db => db.Set<SiteErrorReport>().SingleAsync(r => r.ReceiptNumber == receipt));
        Assert.Equal((SiteErrorStatus.Open, "/news"), (stored.Status, stored.PageUrl));
        Assert.DoesNotContain("13800138000", stored.ContactProtected!);
        var received = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "siteerror.receive" && e.TargetId == stored.Id.ToString()));
        Assert.DoesNotContain("13800138000", received.Summary);

        // Not answered yet: the reporter sees it is being handled.
        var lookup = await reporter.SubmitAsync("/site-errors/receipt", [new("Number", receipt.ToLowerInvariant())]);
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Contains("正在处理", (await lookup.Content.ReadAsStringAsync()).Text());

        // The administrators see it, the contact masked, and answer it.
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var list = (await admin.GetStringAsync("/admin/site-errors")).Text();
        Assert.Contains(receipt, list);
        Assert.Contains("要闻动态第二页的日期显示为空白。", list);
        Assert.Contains("1******8000", list);
        Assert.DoesNotContain("13800138000", list);
        Assert.Contains("href=\"/admin/site-errors\"", list); // the staff menu

        var empty = await admin.SubmitAsync("/admin/site-errors", [new("AnswerId", stored.Id.ToString()), new("Answer", "  ")], "/admin/site-errors?handler=Answer");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请填写答复内容。", (await empty.Content.ReadAsStringAsync()).Text());
        Assert.Equal(SiteErrorStatus.Open, (await app.WithDbAsync(db => db.Set<SiteErrorReport>().SingleAsync(r => r.Id == stored.Id))).Status);

        var answered = await admin.SubmitAsync("/admin/site-errors", [new("AnswerId", stored.Id.ToString()), new("Answer", "已修复日期显示，感谢您的指正。")], "/admin/site-errors?handler=Answer");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var closed = await app.WithDbAsync(db => db.Set<SiteErrorReport>().SingleAsync(r => r.Id == stored.Id));
        Assert.Equal(SiteErrorStatus.Answered, closed.Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "siteerror.answer" && e.TargetId == stored.Id.ToString())));
        Assert.Contains(receipt, (await admin.GetStringAsync("/admin/site-errors?status=answered")).Text());
        Assert.DoesNotContain(receipt, (await admin.GetStringAsync("/admin/site-errors")).Text());

        // Answering twice is refused.
        var again = await admin.SubmitAsync("/admin/site-errors", [new("AnswerId", stored.Id.ToString()), new("Answer", "再次答复")], "/admin/site-errors?handler=Answer");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        // The reporter reads the answer.
        lookup = await reporter.SubmitAsync("/site-errors/receipt", [new("Number", receipt)]);
        var shown = (await lookup.Content.ReadAsStringAsync()).Text();
        Assert.Contains("已答复办结", shown);
        Assert.Contains("已修复日期显示，感谢您的指正。", shown);
        Assert.DoesNotContain("13800138000", shown);

        var wrong = await reporter.SubmitAsync("/site-errors/receipt", [new("Number", "ZC20260101-AAAAAAAA")]);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("回执编号不正确", (await wrong.Content.ReadAsStringAsync()).Text());
    }

    [Fact]
    public async Task A_rejected_message_shows_every_problem_at_once_keeps_the_input_and_saves_nothing()
    {
        var before = await app.WithDbAsync(db => db.Set<SiteErrorReport>().CountAsync());
        var response = await app.Browser().SubmitAsync("/site-errors", [new("Input.PageUrl", "/catalogue"), new("Input.Message", ""), new("Input.Contact", new string('1', 101))]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = (await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains("请填写问题描述。", html);
        Assert.Contains("联系方式不能超过100个字。", html);
        Assert.Contains("value=\"/catalogue\"", html);

        response = await app.Browser().SubmitAsync("/site-errors", [new("Input.Message", "错")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("问题描述太短", (await response.Content.ReadAsStringAsync()).Text());

        response = await app.Browser().SubmitAsync("/site-errors", [new("Input.Message", new string('错', 1001))]);
        Assert.Contains("问题描述不能超过1000个字。", (await response.Content.ReadAsStringAsync()).Text());
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<SiteErrorReport>().CountAsync()));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_saves_nothing()
    {
        var before = await app.WithDbAsync(db => db.Set<SiteErrorReport>().CountAsync());
        var client = app.Browser();
        await client.GetAsync("/site-errors");
        var response = await client.PostAsync("/site-errors", new FormUrlEncodedContent([new("Input.Message", "没有令牌的留言内容")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<SiteErrorReport>().CountAsync()));
    }

    [Fact]
    public async Task Staff_other_than_the_site_administrators_are_refused_the_messages()
    {
        var organ = await app.OrganAsync("区民政局");
        await app.StaffAsync("se-editor", "Site-errors-2026", (StaffRole.Editor, organ.Id));
        var editor = app.Browser();
        await editor.SignInOkAsync("se-editor", "Site-errors-2026");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/site-errors")).StatusCode);
        var anonymous = await app.Browser().GetAsync("/admin/site-errors");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("13800138000", "1******8000")]
    [InlineData("zhang@example.cn", "z****@example.cn")]
    [InlineData("王五", "**")]
    [InlineData("张三丰", "张**")]
    public void Contacts_are_masked_on_screen(string clear, string masked) => Assert.Equal(masked, SiteErrorProtector.Mask(clear));
}

public sealed class SiteErrorTests_Sqlite(SqliteApp app) : SiteErrorTests<SqliteApp>(app);

public sealed class SiteErrorTests_Postgres(PostgresApp app) : SiteErrorTests<PostgresApp>(app);

/// <summary>The 找错 form is a public form: beyond the per-address limit, 429 and nothing stored.</summary>
public sealed class SiteErrorRateLimitTests(Gongkai.Tests.Policy.StrictClockedSqliteApp app) : IClassFixture<Gongkai.Tests.Policy.StrictClockedSqliteApp>
{
    [Fact]
    public async Task Messages_beyond_the_limit_get_429_and_are_not_stored()
    {
        var client = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.SubmitAsync("/site-errors", [new("Input.Message", $"第{i}条找错留言的内容")])).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var stored = await app.WithDbAsync(db => db.Set<SiteErrorReport>().CountAsync());
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.OK), stored);
        Assert.True(stored <= 3);
    }
}
