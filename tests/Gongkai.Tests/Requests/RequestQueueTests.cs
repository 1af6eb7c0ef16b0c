using System.Text.RegularExpressions;
using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Intake;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Requests;

/// <summary>
/// The handler's queue page and the staff list API page through the same query (RequestQueue): open work soonest due
/// first, pending due dates last; the closed queue and a text search newest first; 50 a page; another organ's requests
/// never listed.
/// </summary>
public abstract partial class RequestQueueTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private readonly RequestTestKit help = new(app);
    private static readonly DateOnly Day = new(2026, 6, 1);

    private sealed record Arranged(string FirstDue, string Pending, string NewestClosed, string OldestClosed, string Foreign);

    private async Task<Arranged> ArrangeAsync()
    {
        var organ = (await app.OrganAsync("区民政局")).Id;
        var other = (await app.OrganAsync("区财政局")).Id;
        var prefix = "Q" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var created = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        DisclosureRequest Request(int n, Guid organId, RequestStage stage, DateOnly? due) => new DisclosureRequest
        {
            Id = Guid.CreateVersion7(created.AddMinutes(n)),
            TrackingNumber = $"2026-{prefix}-{n:D5}",
            SecretHash = "0",
            OrganId = organId,
            Channel = RequestChannel.Online,
            ApplicantType = ApplicantType.NaturalPerson,
            ApplicantName = $"{prefix}申请人{n}",
            IdDocumentType = IdDocumentType.ResidentIdCard,
            IdNumberProtected = "x",
            PhoneProtected = "x",
            InformationWanted = "队列测试",
            SubmittedOn = Day,
            ReceivedOn = Day,
        }.WithStoredState(new()
        {
            Stage = stage,
            DueOn = due,
            DuePending = stage != RequestStage.Closed && due is null,
            ClosedOn = stage == RequestStage.Closed ? Day : null,
            Outcome = stage == RequestStage.Closed ? RequestOutcome.Disclosed : null,
        });

        // 52 open with due dates 60 days down to 9 days ahead (the soonest is number 51), one pending, three closed;
        // another organ's open request is due soonest of all.
        var rows = Enumerable.Range(0, 52).Select(n => Request(n, organ, RequestStage.InHandling, Day.AddDays(60 - n))).ToList();
        rows.Add(Request(52, organ, RequestStage.InHandling, null));
        rows.AddRange(Enumerable.Range(53, 3).Select(n => Request(n, organ, RequestStage.Closed, Day.AddDays(-5))));
        rows.Add(Request(56, other, RequestStage.InHandling, Day.AddDays(1)));
        await app.WithDbAsync(async db =>
        {
            db.RemoveRange(await db.DisclosureRequests.Where(r => r.Stage != RequestStage.Closed || r.TrackingNumber.Contains("-Q")).ToListAsync());
            db.AddRange(rows);
            return await db.SaveChangesAsync();
        });
        return new(rows[51].TrackingNumber, rows[52].TrackingNumber, rows[55].TrackingNumber, rows[53].TrackingNumber, rows[56].TrackingNumber);
    }

    [GeneratedRegex(@"<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex Body();

    [GeneratedRegex(@"\d{4}-Q[0-9A-F]{6}-\d{5}")]
    private static partial Regex Number();

    private static List<string> Numbers(string html) => Number().Matches(Body().Match(html).Groups[1].Value).Select(m => m.Value).ToList();

    [Fact]
    public async Task The_queue_pages_open_work_soonest_due_first_and_the_closed_queue_newest_first()
    {
        await help.StaffAsync();
        var arranged = await ArrangeAsync();
        var handler = app.Browser();
        await handler.SignInOkAsync("mz-cbr", "Handling-pass-1");

        var first = (await handler.GetStringAsync("/admin/requests")).Text();
        Assert.Contains("共53件，显示50件", first);
        Assert.Contains("第1页，共2页", first);
        var firstRows = Numbers(first);
        Assert.Equal(50, firstRows.Count);
        Assert.Equal(arranged.FirstDue, firstRows[0]);
        Assert.DoesNotContain(arranged.NewestClosed, firstRows);

        var second = Numbers((await handler.GetStringAsync("/admin/requests?page=2")).Text());
        Assert.Equal(3, second.Count);
        Assert.Equal(arranged.Pending, second[^1]);
        Assert.Empty(second.Intersect(firstRows));

        var closed = Numbers((await handler.GetStringAsync("/admin/requests?stage=Closed")).Text());
        Assert.Equal(3, closed.Count);
        Assert.Equal(arranged.NewestClosed, closed[0]);
        Assert.Equal(arranged.OldestClosed, closed[^1]);

        // A text search looks through every stage.
        var found = Numbers((await handler.GetStringAsync($"/admin/requests?q={Uri.EscapeDataString(arranged.OldestClosed)}")).Text());
        Assert.Equal([arranged.OldestClosed], found);

        // The district-wide view (the administrator): both organs' open work, and the closed queue counted as the rest.
        var admin = app.Browser();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var district = (await admin.GetStringAsync("/admin/requests")).Text();
        Assert.Contains("共54件，显示50件", district);
        Assert.Equal(arranged.Foreign, Numbers(district)[0]);
        var closedInDb = await app.WithDbAsync(db => db.DisclosureRequests.CountAsync(r => r.Stage == RequestStage.Closed));
        Assert.Contains($"data-queue=\"Closed\">{closedInDb}<", district);
        Assert.Contains("data-queue=\"InHandling\">54<", district);

        // A page past the end shows the last page.
        Assert.Equal(second, Numbers((await handler.GetStringAsync("/admin/requests?page=9")).Text()));
    }

    [Fact]
    public async Task The_staff_list_api_pages_the_same_queue_and_never_shows_another_organs_requests()
    {
        var staff = await help.StaffAsync();
        var arranged = await ArrangeAsync();

        var list = await RequestTestKit.OkAsync(await help.Api(staff.Handler).GetAsync("/api/v1/admin/requests"));
        Assert.Equal(53, list.GetProperty("total").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trackingNumber").GetString()).ToList();
        Assert.Equal(50, items.Count);
        Assert.Equal(arranged.FirstDue, items[0]);
        Assert.Equal(3, list.GetProperty("queues").GetProperty("Closed").GetInt32());

        var page2 = await RequestTestKit.OkAsync(await help.Api(staff.Handler).GetAsync("/api/v1/admin/requests?page=2"));
        Assert.Equal(arranged.Pending, page2.GetProperty("items").EnumerateArray().Last().GetProperty("trackingNumber").GetString());

        var closed = await RequestTestKit.OkAsync(await help.Api(staff.Handler).GetAsync("/api/v1/admin/requests?stage=Closed"));
        Assert.Equal(arranged.NewestClosed, closed.GetProperty("items")[0].GetProperty("trackingNumber").GetString());

        var foreign = await RequestTestKit.OkAsync(await help.Api(staff.Foreign).GetAsync("/api/v1/admin/requests"));
        Assert.Equal(1, foreign.GetProperty("total").GetInt32());
        Assert.Equal(arranged.Foreign, foreign.GetProperty("items")[0].GetProperty("trackingNumber").GetString());
    }
}

public sealed class RequestQueueTests_Sqlite(SqliteApp app) : RequestQueueTests<SqliteApp>(app);

public sealed class RequestQueueTests_Postgres(PostgresApp app) : RequestQueueTests<PostgresApp>(app);
