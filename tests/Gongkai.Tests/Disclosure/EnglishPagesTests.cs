using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Requests;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Disclosure;

/// <summary>
/// The English version (/en, issue 16 item 4) on both databases: every page in English with its hreflang pair, documents
/// listed only with an English title, the staff form that sets it (validated, audited), and the English application
/// form filing an ordinary request with the statutory clock, refused in English.
/// </summary>
public abstract partial class EnglishPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private const string IdNumber = "110102199003070026";

    [GeneratedRegex("name=\"Input.SubmissionKey\" value=\"([0-9a-f]+)\"")]
    private static partial Regex SubmissionKey();

    [GeneratedRegex("id=\"tracking-number\">([^<]+)<")]
    private static partial Regex TrackingNumber();

    [GeneratedRegex("id=\"secret\">([^<]+)<")]
    private static partial Regex Secret();

    [GeneratedRegex("name=\"English.Version\" value=\"(\\d+)\"")]
    private static partial Regex EnglishVersion();

    private async Task<Guid> PublishInEnglishAsync(string title, string? english, InformationType type = InformationType.PolicyDocument, string? summary = null)
    {
        var id = await app.PublishAsync(new Publishing.Doc(title, Type: type));
        if (english is not null)
        {
            await app.AsAdminAsync(async sp =>
            {
                var doc = await sp.GetRequiredService<DocumentFinder>().FindAsync(id);
                await sp.GetRequiredService<SetEnglishVersion>().HandleAsync(doc!, english, summary);
                return 0;
            });
        }

        return id;
    }

    [Theory]
    [InlineData("/en", "/")]
    [InlineData("/en/about", "/")]
    [InlineData("/en/guide", "/guide")]
    [InlineData("/en/request", "/requests/new")]
    [InlineData("/en/documents", "/catalogue")]
    [InlineData("/en/news", "/catalogue")]
    public async Task English_pages_answer_in_English_with_hreflang_pairs_and_a_switch_to_the_Chinese_page(string path, string chinese)
    {
        var response = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains($"<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost:5080{path}\">", html);
        Assert.Contains($"<link rel=\"alternate\" hreflang=\"zh-CN\" href=\"http://localhost:5080{chinese}\">", html);
        Assert.Contains($"<a class=\"language-switch\" href=\"{chinese}\" hreflang=\"zh-CN\" lang=\"zh-CN\">中文</a>", html);
        Assert.Contains("Skip to main content", html);
        Assert.DoesNotContain("跳到主要内容", html);
    }

    [Theory]
    [InlineData("/", "/en")]
    [InlineData("/guide", "/en/guide")]
    [InlineData("/requests/new", "/en/request")]
    public async Task Chinese_pages_stay_Chinese_and_point_to_their_English_counterpart(string path, string english)
    {
        var client = app.Browser();
        // The language is the address alone: a browser asking for English, or a culture cookie or query, changes nothing.
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var html = await client.GetStringAsync(path + "?culture=en&ui-culture=en");
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("跳到主要内容", html);
        Assert.DoesNotContain("Skip to main content", html);
        Assert.Contains($"<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost:5080{english}\">", html);
        Assert.Contains($"<a class=\"language-switch\" href=\"{english}\" hreflang=\"en\" lang=\"en\">English</a>", html);
    }

    [Fact]
    public async Task Only_documents_with_an_English_title_are_listed_and_shown_in_English_with_English_dates()
    {
        var translated = await PublishInEnglishAsync("关于印发英文测试政策的通知", "Notice on the English test policy", summary: "A policy on testing, in short.");
        var news = await PublishInEnglishAsync("区领导调研英文测试工作", "District leaders visit the English test", InformationType.News);
        var untranslated = await PublishInEnglishAsync("没有英文标题的测试通知", null);
        var client = app.Browser();

        var documents = (await client.GetStringAsync("/en/documents")).Text();
        Assert.Contains("Notice on the English test policy", documents);
        Assert.Contains("A policy on testing, in short.", documents);
        Assert.DoesNotContain("District leaders visit the English test", documents);
        Assert.DoesNotContain(untranslated.ToString(), documents);
        Assert.DoesNotContain("没有英文标题的测试通知", documents);
        var published = await app.WithDbAsync(db => db.Documents.Where(d => d.Id == translated).Select(d => d.PublishedAt!.Value).SingleAsync());
        var day = Gongkai.Platform.ChineseDates.LocalDay(published);
        Assert.Contains(day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), documents);
        Assert.DoesNotContain(Gongkai.Platform.ChineseDates.Long(day), documents);

        var newsList = (await client.GetStringAsync("/en/news")).Text();
        Assert.Contains("District leaders visit the English test", newsList);
        Assert.DoesNotContain("Notice on the English test policy", newsList);
        var home = (await client.GetStringAsync("/en")).Text();
        Assert.Contains("Notice on the English test policy", home);
        Assert.Contains("District leaders visit the English test", home);

        var page = await client.GetAsync($"/en/documents/{translated}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = (await page.Content.ReadAsStringAsync()).Text();
        Assert.Contains("<h1 id=\"doc-title\" class=\"doc-title\">Notice on the English test policy</h1>", html);
        Assert.Contains($"href=\"/documents/{translated}\"", html);
        Assert.Contains($"hreflang=\"zh-CN\" href=\"http://localhost:5080/documents/{translated}\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/en/documents/{untranslated}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/en/documents/{Guid.NewGuid()}")).StatusCode);

        // The Chinese page of a translated document switches to its English page; an untranslated one to the English home.
        var chinese = await client.GetStringAsync($"/documents/{translated}");
        Assert.Contains($"<a class=\"language-switch\" href=\"/en/documents/{translated}\"", chinese);
        Assert.Contains($"hreflang=\"en\" href=\"http://localhost:5080/en/documents/{translated}\"", chinese);
        var plain = await client.GetStringAsync($"/documents/{untranslated}");
        Assert.Contains("<a class=\"language-switch\" href=\"/en\"", plain);
        Assert.DoesNotContain("hreflang=\"en\" href=", plain);
        Assert.NotEqual(Guid.Empty, news);
    }

    [Fact]
    public async Task Staff_set_the_English_title_on_the_edit_page_validated_and_audited_and_a_withdrawn_document_leaves_the_English_pages()
    {
        var id = await PublishInEnglishAsync("关于英文编辑测试的通知", null);
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var edit = $"/admin/documents/edit/{id}";
        var form = await admin.GetStringAsync(edit);
        Assert.Contains("英文版（可选）", form);
        var version = EnglishVersion().Match(form).Groups[1].Value;

        var before = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "document.english"));
        var refused = await admin.SubmitAsync(edit, [new("English.Version", version), new("English.Title", "英文标题写成了中文"), new("English.Summary", "")], edit + "?handler=English");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = (await refused.Content.ReadAsStringAsync()).Text();
        Assert.Contains("英文标题应为英文，不能含有汉字或全角标点。", refusedHtml);
        Assert.Contains("value=\"英文标题写成了中文\"", refusedHtml);
        var onlySummary = (await (await admin.SubmitAsync(edit, [new("English.Version", version), new("English.Title", " "), new("English.Summary", "Only a summary")], edit + "?handler=English")).Content.ReadAsStringAsync()).Text();
        Assert.Contains("请同时填写英文标题", onlySummary);
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "document.english")));
        Assert.Null(await app.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.EnglishTitle).SingleAsync()));

        var saved = await admin.SubmitAsync(edit, [new("English.Version", version), new("English.Title", "  Notice on the editing test  "), new("English.Summary", "Set by staff.")], edit + "?handler=English");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.WithDbAsync(db => db.Documents.SingleAsync(d => d.Id == id));
        Assert.Equal("Notice on the editing test", stored.EnglishTitle);
        Assert.Equal("Set by staff.", stored.EnglishSummary);
        Assert.Equal(1, stored.Version);
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "document.english" && e.TargetId == id.ToString()).ToListAsync());
        Assert.Single(audit);
        Assert.Contains("Notice on the editing test", audit[0].Summary);
        Assert.Contains("Notice on the editing test", (await app.Browser().GetStringAsync("/en/documents")).Text());

        // A stale form (the version it was filled from) is refused with 409 and changes nothing.
        var stale = await admin.SubmitAsync(edit, [new("English.Version", version), new("English.Title", "Stale title"), new("English.Summary", "")], edit + "?handler=English");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // Withdrawn: gone from the English list and page at once.
        await app.AsAdminAsync(async sp =>
        {
            var doc = await sp.GetRequiredService<DocumentFinder>().FindAsync(id);
            await sp.GetRequiredService<WithdrawDocument>().HandleAsync(doc!, "测试撤回");
            return 0;
        });
        Assert.DoesNotContain("Notice on the editing test", (await app.Browser().GetStringAsync("/en/documents")).Text());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/en/documents/{id}")).StatusCode);
    }

    private async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient client, string name, string id = IdNumber, string wanted = "Minutes of the district executive meeting of March 2026")
    {
        var html = await client.GetStringAsync("/en/request");
        var organ = await app.OrganAsync("区民政局");
        return
        [
            new("Input.SubmissionKey", SubmissionKey().Match(html).Groups[1].Value),
            new("Input.OrganId", organ.Id.ToString()),
            new("Input.ApplicantType", "NaturalPerson"),
            new("Input.ApplicantName", name),
            new("Input.IdDocumentType", "ResidentIdCard"),
            new("Input.IdNumber", id),
            new("Input.Phone", "+44 20 7946 0958"),
            new("Input.Email", "applicant@example.org"),
            new("Input.InformationWanted", wanted),
            new("Input.Form", "Electronic"),
            new("Input.Delivery", "Email"),
        ];
    }

    [Fact]
    public async Task The_English_form_files_an_ordinary_request_with_the_statutory_clock_that_staff_see_in_their_queue()
    {
        var client = app.Browser();
        var response = await client.SubmitAsync("/en/request", await FormAsync(client, "Jane Applicant"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = (await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Receipt", html);
        var number = TrackingNumber().Match(html).Groups[1].Value;
        var secret = Secret().Match(html).Groups[1].Value;
        Assert.Matches(@"^\d{4}-XC\d{3}-\d{5}$", number);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", secret);

        var stored = await app.WithDbAsync(db => db.DisclosureRequests.SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(app.Today, stored.ReceivedOn);
        Assert.NotNull(stored.DueOn);
        Assert.Contains($"id=\"due-date\">{stored.DueOn!.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}", html);
        Assert.Equal(Gongkai.Requests.Intake.RequestChannel.Online, stored.Channel);
        Assert.DoesNotContain(IdNumber, stored.IdNumberProtected);

        // The tracking page (Chinese) accepts the receipt's number and code.
        var tracked = (await (await client.SubmitAsync("/requests/track", [new("TrackingNumber", number), new("Secret", secret)])).Content.ReadAsStringAsync()).Text();
        Assert.Contains("已收到，待办理", tracked);

        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var queue = (await admin.GetStringAsync("/admin/requests")).Text();
        Assert.Contains(number, queue);
    }

    [Theory]
    [InlineData("", IdNumber, "Please enter the applicant's name.")]
    [InlineData("John Applicant", "110102199003070027", "The check character of the resident identity card number is wrong")]
    public async Task The_English_form_refuses_in_English_keeps_the_input_and_stores_nothing(string name, string id, string message)
    {
        var client = app.Browser();
        var before = await app.WithDbAsync(db => db.DisclosureRequests.CountAsync());
        var response = await client.SubmitAsync("/en/request", await FormAsync(client, name, id, "Budget of the district for 2026, please"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = (await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains(message, html);
        Assert.DoesNotContain("请填写", html);
        Assert.DoesNotContain("居民身份证号码", html);
        Assert.Contains("Budget of the district for 2026, please", html);
        Assert.DoesNotContain("id=\"tracking-number\"", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.DisclosureRequests.CountAsync()));
    }

    [Fact]
    public async Task The_English_form_needs_the_antiforgery_token()
    {
        var client = app.Browser();
        var fields = await FormAsync(client, "No Token");
        var response = await client.PostAsync("/en/request", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.DisclosureRequests.CountAsync(r => r.ApplicantName == "No Token")));
    }
}

public sealed class EnglishPagesTests_Sqlite(SqliteApp app) : EnglishPagesTests<SqliteApp>(app);

public sealed class EnglishPagesTests_Postgres(PostgresApp app) : EnglishPagesTests<PostgresApp>(app);
