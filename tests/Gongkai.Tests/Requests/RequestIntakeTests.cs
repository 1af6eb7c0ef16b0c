using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Platform;
using Gongkai.Platform.Staff;
using Gongkai.Requests;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Requests;

/// <summary>依申请公开 intake on both databases: the public form and tracking, staff registration, scoping, the API.</summary>
public abstract partial class RequestIntakeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private const string IdNumber = "110102199003070026";

    [GeneratedRegex("name=\"Input.SubmissionKey\" value=\"([0-9a-f]+)\"")]
    private static partial Regex SubmissionKey();

    [GeneratedRegex("id=\"tracking-number\">([^<]+)<")]
    private static partial Regex TrackingNumber();

    [GeneratedRegex("id=\"secret\">([^<]+)<")]
    private static partial Regex Secret();

    private async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient client, string name, string id = IdNumber)
    {
        var html = await client.GetStringAsync("/requests/new");
        var organ = await app.OrganAsync("区民政局");
        return
        [
            new("Input.SubmissionKey", SubmissionKey().Match(html).Groups[1].Value),
            new("Input.OrganId", organ.Id.ToString()),
            new("Input.ApplicantType", "NaturalPerson"),
            new("Input.ApplicantName", name),
            new("Input.IdDocumentType", "ResidentIdCard"),
            new("Input.IdNumber", id),
            new("Input.Phone", "13800138000"),
            new("Input.Address", "北京市西城区某某胡同5号院3号楼2单元301室"),
            new("Input.InformationWanted", "2025年本区养老服务驿站运营补贴发放情况"),
            new("Input.Form", "Electronic"),
            new("Input.Delivery", "Online"),
        ];
    }

    private Task<int> CountAsync(string name) => app.WithDbAsync(db => db.DisclosureRequests.CountAsync(r => r.ApplicantName == name));

    [Fact]
    public async Task Online_submission_acknowledges_and_the_tracking_page_shows_stage_and_due_date()
    {
        var client = app.Browser();
        var response = await client.SubmitAsync("/requests/new", await FormAsync(client, "申请人甲"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = (await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains("申请回执", html);
        var number = TrackingNumber().Match(html).Groups[1].Value;
        var secret = Secret().Match(html).Groups[1].Value;
        Assert.Matches(@"^\d{4}-XC\d{3}-\d{5}$", number);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", secret);

        var stored = await app.WithDbAsync(db => db.DisclosureRequests.SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(app.Today, stored.ReceivedOn);
        // From early December the 20 working days run past the loaded calendar: then the date is provisional and pending, never an error.
        Assert.NotNull(stored.DueOn);
        var due = ChineseDates.Long(stored.DueOn!.Value) + (stored.DuePending ? "（暂定）" : "");
        Assert.Equal(stored.DueOn.Value.Year > Gongkai.Platform.Calendar.ShippedSchedules.All.Max(s => s.Year), stored.DuePending);
        Assert.Contains($"id=\"due-date\">{due}", html);
        Assert.DoesNotContain(IdNumber, stored.IdNumberProtected);
        Assert.DoesNotContain("13800138000", stored.PhoneProtected);
        Assert.DoesNotContain("胡同", stored.AddressProtected);
        Assert.DoesNotContain(secret.Replace("-", ""), stored.SecretHash, StringComparison.OrdinalIgnoreCase);

        var tracked = (await (await client.SubmitAsync("/requests/track", [new("TrackingNumber", number), new("Secret", secret.ToLowerInvariant())])).Content.ReadAsStringAsync()).Text();
        Assert.Contains($"id=\"due-date\">{due}", tracked);
        Assert.Contains("已收到，待办理", tracked);
        Assert.Contains("次一工作日起算", tracked);
        Assert.DoesNotContain("胡同", tracked);

        var wrong = (await (await client.SubmitAsync("/requests/track", [new("TrackingNumber", number), new("Secret", "AAAA-BBBB-CCCC")])).Content.ReadAsStringAsync()).Text();
        Assert.Contains("受理编号或查询码不正确", wrong);
        Assert.DoesNotContain("id=\"due-date\"", wrong);
    }

    [Fact]
    public async Task A_double_submission_files_once_and_shows_the_same_acknowledgement()
    {
        var client = app.Browser();
        var form = await FormAsync(client, "申请人乙");
        var first = (await (await client.SubmitAsync("/requests/new", form)).Content.ReadAsStringAsync()).Text();
        var second = (await (await client.SubmitAsync("/requests/new", form)).Content.ReadAsStringAsync()).Text();
        Assert.Equal(TrackingNumber().Match(first).Groups[1].Value, TrackingNumber().Match(second).Groups[1].Value);
        Assert.Equal(Secret().Match(first).Groups[1].Value, Secret().Match(second).Groups[1].Value);
        Assert.Equal(1, await CountAsync("申请人乙"));
    }

    [Theory]
    [InlineData("", IdNumber, "请填写申请人姓名")]
    [InlineData("申请人丙", "110102199003070027", "居民身份证号码校验位不正确")] // the check character should be 6
    public async Task Bad_input_is_refused_in_Chinese_and_nothing_is_stored(string name, string id, string message)
    {
        var client = app.Browser();
        var before = await app.WithDbAsync(db => db.DisclosureRequests.CountAsync());
        var response = await client.SubmitAsync("/requests/new", await FormAsync(client, name, id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = (await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains(message, html);
        Assert.DoesNotContain("申请回执", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.DisclosureRequests.CountAsync()));
    }

    [Fact]
    public async Task Staff_register_a_signed_letter_and_another_organ_gets_404()
    {
        var organ = (await app.OrganAsync("区民政局")).Id;
        var other = (await app.OrganAsync("区财政局")).Id;
        await app.StaffAsync("mz-handler", "Handler-pass-01", (StaffRole.RequestHandler, organ));
        await app.StaffAsync("cz-handler", "Handler-pass-02", (StaffRole.RequestHandler, other));
        var handler = app.Browser();
        await handler.SignInOkAsync("mz-handler", "Handler-pass-01");
        var today = app.Today;
        var signed = today.AddDays(-1);
        var html = await handler.GetStringAsync("/admin/requests/new");
        var response = await handler.SubmitAsync("/admin/requests/new",
        [
            new("Input.SubmissionKey", SubmissionKey().Match(html).Groups[1].Value),
            new("Input.Channel", "RegisteredMail"),
            new("Input.SubmittedOn", ChineseDates.Iso(today.AddDays(-4))),
            new("Input.SignedForOn", ChineseDates.Iso(signed)),
            new("Input.OrganId", organ.ToString()),
            new("Input.ApplicantType", "LegalServiceInstitution"),
            new("Input.ApplicantName", "北京某律师事务所"),
            new("Input.ContactPerson", "李律师"),
            new("Input.IdDocumentType", "UnifiedSocialCreditCode"),
            new("Input.IdNumber", "31110000MD0123456X"),
            new("Input.Phone", "010-66001234"),
            new("Input.Address", "北京市西城区金融大街1号"),
            new("Input.InformationWanted", "区民政局2025年社会组织登记名录"),
            new("Input.Form", "Paper"),
            new("Input.Delivery", "Post"),
            new("Input.StaffNote", "信封内附委托书"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var caseUrl = response.Headers.Location!.ToString();
        var stored = await app.WithDbAsync(db => db.DisclosureRequests.SingleAsync(r => r.ApplicantName == "北京某律师事务所"));
        Assert.Equal(signed, stored.ReceivedOn);

        var page = (await handler.GetStringAsync(caseUrl)).Text();
        Assert.Contains("以签收之日为收到申请之日", page);
        Assert.Contains("信封内附委托书", page);
        Assert.Contains("311***********456X", page);
        Assert.DoesNotContain("31110000MD0123456X", page);
        Assert.Contains(stored.TrackingNumber, (await handler.GetStringAsync("/admin/requests")).Text());

        var revealed = (await (await handler.SubmitAsync(caseUrl, [], caseUrl + "?handler=Reveal")).Content.ReadAsStringAsync()).Text();
        Assert.Contains("31110000MD0123456X", revealed);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "request.applicant.view" && e.TargetId == stored.Id.ToString())));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "request.file" && e.TargetId == stored.Id.ToString())));

        var foreign = app.Browser();
        await foreign.SignInOkAsync("cz-handler", "Handler-pass-02");
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(caseUrl)).StatusCode);
        Assert.DoesNotContain(stored.TrackingNumber, (await foreign.GetStringAsync("/admin/requests")).Text());
        var token = await foreign.CsrfTokenAsync("/admin/requests");
        var reveal = await foreign.PostAsync(caseUrl + "?handler=Reveal", new FormUrlEncodedContent([new("__csrf", token)]));
        Assert.Equal(HttpStatusCode.NotFound, reveal.StatusCode);
    }

    [Fact]
    public async Task The_public_API_files_once_per_idempotency_key_and_answers_with_the_secret_only()
    {
        var client = app.CreateClient();
        var organ = (await app.OrganAsync("区民政局")).Id;
        object Body(string id) => new
        {
            organId = organ,
            applicantType = "NaturalPerson",
            applicantName = "接口申请人",
            idDocumentType = "ResidentIdCard",
            idNumber = id,
            phone = "13900139000",
            email = "a@example.cn",
            informationWanted = "本区2025年低保人数统计",
            form = "Electronic",
            delivery = "Email",
        };
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = JsonContent.Create(Body(IdNumber)) };
        post.Headers.Add("Idempotency-Key", "api-test-key-1");
        var created = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>();
        var number = json.GetProperty("trackingNumber").GetString()!;
        var secret = json.GetProperty("secret").GetString()!;
        if (json.GetProperty("dueDate").GetString() is { } dueDate)
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", dueDate);
        }
        else
        {
            Assert.StartsWith("截止日期待", json.GetProperty("dueDatePendingReason").GetString());
        }


        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = JsonContent.Create(Body(IdNumber)) };
        again.Headers.Add("Idempotency-Key", "api-test-key-1");
        var repeated = await (await client.SendAsync(again)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(number, repeated.GetProperty("trackingNumber").GetString());
        Assert.True(repeated.GetProperty("repeated").GetBoolean());
        Assert.Equal(1, await CountAsync("接口申请人"));

        using var get = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{number}");
        get.Headers.Add("X-Request-Secret", secret);
        var status = await client.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var body = await status.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(json.GetProperty("dueDate").GetString(), body.GetProperty("dueDate").GetString());
        Assert.False(body.TryGetProperty("staffNote", out _));

        var wrong = await client.GetAsync($"/api/v1/requests/{number}?secret=AAAABBBBCCCC");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);

        var bad = await client.PostAsJsonAsync("/api/v1/requests", Body("123456789012345678"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("居民身份证号码不正确", await bad.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync("接口申请人"));

        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/requests", openApi);
        Assert.Contains("/api/v1/requests/{trackingNumber}", openApi);
    }
}

public sealed class RequestIntakeTests_Sqlite(SqliteApp app) : RequestIntakeTests<SqliteApp>(app);

public sealed class RequestIntakeTests_Postgres(PostgresApp app) : RequestIntakeTests<PostgresApp>(app);
