using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Disclosure;
using Gongkai.Platform.Files;
using Gongkai.Requests;
using Gongkai.Requests.Clock;
using Gongkai.Requests.Intake;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform;

/// <summary>
/// Two staff members doing the same step of the same request at the same moment, 50 pairs at once, on both databases:
/// exactly one applies, the other is told "已被他人修改，请刷新后重试" (409) and changes nothing, and the case is consistent
/// afterwards. Each side sends the version it read (If-Match), as the case page does with its hidden field.
/// </summary>
public abstract class EditRaceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IOwnFilesApp
{
    private const int Pairs = 50;
    private readonly RequestTestKit kit = new(app);

    private sealed record Race(Guid Id, HttpStatusCode First, HttpStatusCode Second, string FirstBody, string SecondBody)
    {
        public bool FirstWon => First == HttpStatusCode.OK;
    }

    /// <summary>Files <see cref="Pairs"/> requests, registered and assigned, on the clock's day.</summary>
    private async Task<List<Guid>> InHandlingAsync(RequestTestKit.Staff staff, string name)
    {
        var head = kit.Api(staff.Head);
        var ids = new List<Guid>();
        for (var i = 0; i < Pairs; i++)
        {
            var (id, _, _) = await kit.SubmitAsync($"{name}{i}");
            await RequestTestKit.OkAsync(await head.PostAsync($"/api/v1/admin/requests/{id}/register", null));
            await RequestTestKit.OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/assign", new { userName = "mz-cbr" }));
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Both sides read the case (its version), then all pairs post at once.</summary>
    private async Task<List<Race>> RaceAsync(IEnumerable<Guid> ids, HttpClient firstClient, string firstPath, object firstBody, HttpClient secondClient,
        string secondPath, object secondBody, bool sendVersion = true)
    {
        var prepared = new List<(Guid Id, long Version)>();
        foreach (var id in ids)
        {
            var read = await RequestTestKit.OkAsync(await firstClient.GetAsync($"/api/v1/admin/requests/{id}"));
            prepared.Add((id, read.GetProperty("version").GetInt64()));
        }

        HttpRequestMessage Post(Guid id, long version, string path, object body)
        {
            var message = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/requests/{id}/{path}") { Content = JsonContent.Create(body) };
            if (sendVersion)
            {
                message.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            }

            return message;
        }

        var races = prepared.Select(async p =>
        {
            var responses = await Task.WhenAll(firstClient.SendAsync(Post(p.Id, p.Version, firstPath, firstBody)),
                secondClient.SendAsync(Post(p.Id, p.Version, secondPath, secondBody)));
            return new Race(p.Id, responses[0].StatusCode, responses[1].StatusCode, await responses[0].Content.ReadAsStringAsync(),
                await responses[1].Content.ReadAsStringAsync());
        });
        return [.. await Task.WhenAll(races)];
    }

    /// <summary>Exactly one side of every pair applied; the other answered 409 ProblemDetails with the message.</summary>
    private static void OneWinsOneConflicts(List<Race> races)
    {
        foreach (var race in races)
        {
            var statuses = new[] { race.First, race.Second };
            Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1 && statuses.Count(s => s == HttpStatusCode.Conflict) == 1,
                $"{race.Id}: {(int)race.First} {race.FirstBody} / {(int)race.Second} {race.SecondBody}");
            var loser = JsonDocument.Parse(race.FirstWon ? race.SecondBody : race.FirstBody).RootElement;
            Assert.Equal(409, loser.GetProperty("status").GetInt32());
            Assert.Equal("已被他人修改，请刷新后重试", loser.GetProperty("detail").GetString());
        }
    }

    private Task<List<string>> ActionsAsync(Guid id) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.TargetId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    private Task<DisclosureRequest> RowAsync(Guid id) =>
        app.WithDbAsync(db => db.DisclosureRequests.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == id));

    [Fact]
    public async Task Two_simultaneous_reply_proposals_one_applies_the_other_answers_409()
    {
        var staff = await kit.StaffAsync();
        app.Clock.SetDay("2026-04-01");
        var ids = await InHandlingAsync(staff, "两份拟办");
        var handler = kit.Api(staff.Handler);
        var head = kit.Api(staff.Head);
        var races = await RaceAsync(ids, handler, "reply", new { outcome = "Disclosed", summary = "甲的答复" },
            head, "reply", new { outcome = "NotHeld", legalGround = "条例第三十六条第四项", summary = "乙的答复" });

        OneWinsOneConflicts(races);
        foreach (var race in races)
        {
            var row = await RowAsync(race.Id);
            Assert.Equal(race.FirstWon ? "甲的答复" : "乙的答复", row.ReplySummary);
            Assert.Equal(race.FirstWon ? RequestOutcome.Disclosed : RequestOutcome.NotHeld, row.ProposedOutcome);
            Assert.Equal(RequestStage.AwaitingReview, row.Stage);
            Assert.Single(await ActionsAsync(race.Id), a => a == "request.reply.propose");
        }
    }

    [Fact]
    public async Task Approve_and_return_of_the_same_review_never_both_apply()
    {
        var staff = await kit.StaffAsync();
        app.Clock.SetDay("2026-04-02");
        var ids = await InHandlingAsync(staff, "审核竞争");
        var handler = kit.Api(staff.Handler);
        foreach (var id in ids)
        {
            await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", new { outcome = "Disclosed", summary = "提供" }));
        }

        var head = kit.Api(staff.Head);
        var other = kit.Api(staff.Head);
        var races = await RaceAsync(ids, head, "review", new { approve = true }, other, "review", new { approve = false, opinion = "请补充依据" });

        OneWinsOneConflicts(races);
        foreach (var race in races)
        {
            var row = await RowAsync(race.Id);
            var actions = await ActionsAsync(race.Id);
            if (race.FirstWon)
            {
                Assert.Equal((RequestStage.ReadyToSend, RequestOutcome.Disclosed), (row.Stage, row.ProposedOutcome));
                Assert.NotNull(row.ReviewedOn);
                Assert.DoesNotContain("request.reply.return", actions);
            }
            else
            {
                Assert.Equal((RequestStage.InHandling, (RequestOutcome?)null), (row.Stage, row.ProposedOutcome));
                Assert.Null(row.ReviewedOn);
                Assert.DoesNotContain("request.reply.approve", actions);
            }

            Assert.Single(actions, a => a is "request.reply.approve" or "request.reply.return");
        }
    }

    [Fact]
    public async Task Two_simultaneous_clock_steps_one_applies_the_other_answers_409_not_500()
    {
        var staff = await kit.StaffAsync();
        app.Clock.SetDay("2026-04-03");
        var ids = await InHandlingAsync(staff, "期限竞争");
        var handler = kit.Api(staff.Handler);
        var head = kit.Api(staff.Head);
        var races = await RaceAsync(ids, handler, "consultations", new { thirdParty = true, party = "第三方甲", on = "2026-04-03" },
            head, "fee-notice", new { on = "2026-04-03" });

        OneWinsOneConflicts(races);
        foreach (var race in races)
        {
            var row = await RowAsync(race.Id);
            var only = Assert.Single(row.Events);
            Assert.Equal(race.FirstWon ? ClockEventKind.ThirdPartyConsulted : ClockEventKind.FeeNoticeIssued, only.Kind);
            Assert.Equal(race.FirstWon ? RequestStage.Consultation : RequestStage.AwaitingFee, row.Stage);
            Assert.Single(await ActionsAsync(race.Id), a => a.StartsWith("request.clock.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Simultaneous_steps_without_the_version_never_both_apply()
    {
        // The row version in the UPDATE decides even when a client sends no If-Match: a side that read before the other
        // saved loses with 409; one that read afterwards is refused by the step's own rule (400). Never both 200.
        var staff = await kit.StaffAsync();
        app.Clock.SetDay("2026-04-07");
        var ids = await InHandlingAsync(staff, "无版本号");
        var handler = kit.Api(staff.Handler);
        var head = kit.Api(staff.Head);
        var races = await RaceAsync(ids, handler, "reply", new { outcome = "Disclosed", summary = "甲" },
            head, "reply", new { outcome = "Disclosed", summary = "乙" }, sendVersion: false);

        foreach (var race in races)
        {
            var statuses = new[] { race.First, race.Second };
            Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1
                && statuses.Count(s => s is HttpStatusCode.Conflict or HttpStatusCode.BadRequest) == 1, $"{race.First} / {race.Second}");
            Assert.Equal(race.FirstWon ? "甲" : "乙", (await RowAsync(race.Id)).ReplySummary);
            Assert.Single(await ActionsAsync(race.Id), a => a == "request.reply.propose");
        }
    }

    [Fact]
    public async Task A_step_on_a_stale_version_answers_409_and_changes_nothing()
    {
        var staff = await kit.StaffAsync();
        app.Clock.SetDay("2026-04-08");
        var (id, _, _) = await kit.SubmitAsync("旧版本");
        var head = kit.Api(staff.Head);
        var read = await RequestTestKit.OkAsync(await head.GetAsync($"/api/v1/admin/requests/{id}"));
        var registered = await RequestTestKit.OkAsync(await head.PostAsync($"/api/v1/admin/requests/{id}/register", null));
        Assert.True(registered.GetProperty("version").GetInt64() > read.GetProperty("version").GetInt64());

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/requests/{id}/assign") { Content = JsonContent.Create(new { userName = "mz-cbr" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{read.GetProperty("version").GetInt64()}\"");
        var response = await head.SendAsync(stale);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null((await RowAsync(id)).AssignedToId);
        Assert.DoesNotContain("request.assign", await ActionsAsync(id));
    }
    [Fact]
    public async Task Two_simultaneous_document_edits_one_applies_the_other_is_told_on_the_page()
    {
        var organ = (await app.OrganAsync("区民政局")).Id;
        await app.StaffAsync("race-editor", "Editor-pass-1", (Gongkai.Platform.Staff.StaffRole.Editor, organ));
        var first = app.Browser();
        await first.SignInOkAsync("race-editor", "Editor-pass-1");
        var second = app.Browser();
        await second.SignInOkAsync("race-editor", "Editor-pass-1");
        List<KeyValuePair<string, string>> Form(string title) =>
        [
            new("Input.OrganId", organ.ToString()), new("Input.Title", title), new("Input.SubjectCategory", "民政、扶贫、救灾\\社会福利"),
            new("Input.InformationType", "Notice"), new("Input.WrittenOn", "2026-04-01"), new("Input.FormedOn", ""),
            new("Input.Attribute", "Proactive"), new("Input.Body", "<p>正文</p>"), new("Input.BodyFormat", "html"), new("then", "save"),
        ];

        var drafts = new List<Guid>();
        for (var i = 0; i < Pairs; i++)
        {
            var created = await first.SubmitAsync("/admin/documents/edit", Form($"竞争草稿{i}"));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            drafts.Add(Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]));
        }

        static async Task<List<KeyValuePair<string, string>>> ReadAsync(HttpClient client, Guid id)
        {
            var html = await client.GetStringAsync($"/admin/documents/edit/{id}");
            var csrf = System.Text.RegularExpressions.Regex.Match(html, "name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
            Assert.NotEmpty(version);
            return [new("__csrf", WebUtility.HtmlDecode(csrf)), new("Version", version)];
        }

        var prepared = new List<(Guid Id, List<KeyValuePair<string, string>> A, List<KeyValuePair<string, string>> B)>();
        foreach (var id in drafts)
        {
            prepared.Add((id, await ReadAsync(first, id), await ReadAsync(second, id)));
        }

        var results = await Task.WhenAll(prepared.Select(async p =>
        {
            var responses = await Task.WhenAll(
                first.PostAsync($"/admin/documents/edit/{p.Id}", new FormUrlEncodedContent(Form("甲改的标题").Concat(p.A))),
                second.PostAsync($"/admin/documents/edit/{p.Id}", new FormUrlEncodedContent(Form("乙改的标题").Concat(p.B))));
            return (p.Id, A: responses[0], B: responses[1], ABody: await responses[0].Content.ReadAsStringAsync(), BBody: await responses[1].Content.ReadAsStringAsync());
        }));

        foreach (var (id, a, b, aBody, bBody) in results)
        {
            var statuses = new[] { a.StatusCode, b.StatusCode };
            Assert.True(statuses.Count(s => s == HttpStatusCode.Redirect) == 1 && statuses.Count(s => s == HttpStatusCode.Conflict) == 1,
                $"{id}: {a.StatusCode} / {b.StatusCode}");
            var firstWon = a.StatusCode == HttpStatusCode.Redirect;
            Assert.Contains("已被他人修改，请刷新后重试", (firstWon ? bBody : aBody).Text());
            var title = await app.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Title).SingleAsync());
            Assert.Equal(firstWon ? "甲改的标题" : "乙改的标题", title);
            Assert.Single(await app.WithDbAsync(db => db.AuditEvents.Where(e => e.TargetId == id.ToString() && e.Action == "document.update").ToListAsync()));
        }
    }

    private List<string> StoredFiles() =>
        Directory.Exists(app.FilesRoot) ? [.. Directory.EnumerateFiles(app.FilesRoot, "*", SearchOption.AllDirectories)] : [];

    [Fact]
    public async Task Two_simultaneous_deliveries_close_once_and_leave_no_file_without_its_row()
    {
        var staff = await kit.StaffAsync();
        app.Clock.SetDay("2026-04-09");
        var ids = await InHandlingAsync(staff, "送达竞争");
        var handler = kit.Api(staff.Handler);
        var head = kit.Api(staff.Head);
        foreach (var id in ids)
        {
            await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", new { outcome = "Disclosed", summary = "提供" }));
            await RequestTestKit.OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/review", new { approve = true }));
        }

        var races = await RaceAsync(ids, handler, "delivery", new { method = "Email", on = "2026-04-09" }, head, "delivery", new { method = "Post", on = "2026-04-09" });

        OneWinsOneConflicts(races);
        foreach (var race in races)
        {
            var row = await RowAsync(race.Id);
            Assert.Equal(RequestStage.Closed, row.Stage);
            Assert.Equal(race.FirstWon ? DeliveryMethod.Email : DeliveryMethod.Post, row.DeliveredBy);
            Assert.Single(row.Events, e => e.Kind == ClockEventKind.Closed);
            Assert.Single(await ActionsAsync(race.Id), a => a == "request.deliver");
        }

        // Every file in the store is a sent letter's; none pending, none from the 50 losing deliveries.
        Assert.Equal(Pairs, await app.WithDbAsync(db => db.SentLetters.CountAsync(l => ids.Contains(l.RequestId))));
        var letters = await app.WithDbAsync(db => db.SentLetters.Select(l => l.Sha256).Distinct().ToListAsync());
        var files = StoredFiles();
        Assert.DoesNotContain(files, f => f.EndsWith(".pending", StringComparison.Ordinal));
        Assert.Equal(letters.Order(), files.Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task The_file_sweep_removes_only_old_files_no_row_names_and_recovers_a_committed_pending_one()
    {
        var staff = await kit.StaffAsync();
        app.Clock.SetDay("2026-04-10");
        var ids = await InHandlingAsync(staff, "文件清理");
        var handler = kit.Api(staff.Handler);
        var head = kit.Api(staff.Head);
        var id = ids[0];
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply", new { outcome = "Disclosed", summary = "提供" }));
        await RequestTestKit.OkAsync(await head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/review", new { approve = true }));
        await RequestTestKit.OkAsync(await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/delivery", new { method = "Email", on = "2026-04-10" }));
        var kept = await app.WithDbAsync(db => db.SentLetters.Where(l => l.RequestId == id).Select(l => l.Sha256!).SingleAsync());
        var keptPath = Path.Combine(app.FilesRoot, kept[..2], kept);

        // A process that stopped after its commit but before moving its letter into place; an orphan written long ago; one just written.
        var pending = keptPath + ".0123456789abcdef0123456789abcdef.pending";
        File.Move(keptPath, pending);
        var orphan = Path.Combine(app.FilesRoot, "aa", new string('a', 62) + "b0");
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        await File.WriteAllTextAsync(orphan, "orphan");
        File.SetLastWriteTimeUtc(orphan, app.Clock.Now.UtcDateTime);
        var fresh = Path.Combine(app.FilesRoot, "aa", new string('a', 62) + "c0");
        await File.WriteAllTextAsync(fresh, "in flight");

        app.Clock.Now = app.Clock.Now.AddHours(2);
        File.SetLastWriteTimeUtc(fresh, app.Clock.Now.UtcDateTime.AddMinutes(-5));
        using (var scope = app.Services.CreateScope())
        {
            var dry = await scope.ServiceProvider.GetRequiredService<SweepFiles>().RunAsync(dryRun: true);
            Assert.Equal([Path.GetRelativePath(app.FilesRoot, orphan)], dry.Removed);
            Assert.True(File.Exists(orphan) && File.Exists(pending));
        }

        using (var scope = app.Services.CreateScope())
        {
            var swept = await scope.ServiceProvider.GetRequiredService<SweepFiles>().RunAsync(dryRun: false);
            Assert.Equal([Path.GetRelativePath(app.FilesRoot, orphan)], swept.Removed);
            Assert.Equal(1, swept.Recovered);
        }

        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(keptPath));
        Assert.False(File.Exists(pending));
        var letter = await handler.GetAsync((await RequestTestKit.OkAsync(await handler.GetAsync($"/api/v1/admin/requests/{id}")))
            .GetProperty("sentLetters")[0].GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        File.Delete(fresh);
    }
}

/// <summary>A clocked application with a file store of its own, so the tests can count every file in it.</summary>
public interface IOwnFilesApp : IClockedApp
{
    string FilesRoot { get; }
}

public sealed class RaceSqliteApp : SqliteApp, IOwnFilesApp
{
    public FakeClock Clock { get; } = new();

    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "gk-race-files-" + Guid.NewGuid().ToString("N")[..12]);

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Files:Root"] = FilesRoot };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Clocked.Configure(builder, Clock);
    }
}

public sealed class RacePostgresApp : PostgresApp, IOwnFilesApp
{
    public FakeClock Clock { get; } = new();

    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "gk-race-files-" + Guid.NewGuid().ToString("N")[..12]);

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Files:Root"] = FilesRoot };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Clocked.Configure(builder, Clock);
    }
}

public sealed class EditRaceTests_Sqlite(RaceSqliteApp app) : EditRaceTests<RaceSqliteApp>(app);

public sealed class EditRaceTests_Postgres(RacePostgresApp app) : EditRaceTests<RacePostgresApp>(app);
