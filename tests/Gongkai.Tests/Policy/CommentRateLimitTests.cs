using System.Net;
using Gongkai.Policy.Consultations;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Gongkai.Tests.Policy;

public sealed class StrictClockedSqliteApp : SqliteApp, IClockedApp
{
    public FakeClock Clock { get; } = new();

    protected override int PublicFormPostsPerMinute => 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Clocked.Configure(builder, Clock);
    }
}

/// <summary>The public comment form and the comment API share the per-address limit of public forms.</summary>
public sealed class CommentRateLimitTests(StrictClockedSqliteApp app) : IClassFixture<StrictClockedSqliteApp>
{
    [Fact]
    public async Task Comments_beyond_the_limit_get_429_with_a_message_and_are_not_stored()
    {
        app.Clock.Now = ConsultationInput.Instant(ConsultationKit.Local("2026-03-02 10:00"));
        var c = await app.OpenAsync("限频测试的意见征集", "2026-03-02 10:00", "2026-03-16 17:00");
        var client = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SubmitAsync($"/consultations/{c.Id}/comment", [new("Input.Body", "意见" + i)])).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // The API has its own window of the same size per address.
        var api = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            api.Add(await client.PostAsync($"/api/v1/consultations/{c.Id}/comments", System.Net.Http.Json.JsonContent.Create(new { body = "接口意见" + i })));
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], api.Select(r => r.StatusCode));
        Assert.Contains("提交过于频繁", await api[3].Content.ReadAsStringAsync());
        Assert.Equal(6, (await app.CommentsAsync(c.Id)).Count);
    }
}
