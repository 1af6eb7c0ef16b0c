using System.Net;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Http;

public sealed class StrictSqliteApp : SqliteApp
{
    protected override int PublicFormPostsPerMinute => 3;
}

public sealed class RateLimitTests(StrictSqliteApp app) : IClassFixture<StrictSqliteApp>
{
    [Fact]
    public async Task Public_form_posts_beyond_the_limit_get_429_with_a_message()
    {
        var client = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.SignInAsync("admin", "wrong-" + i)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var last = await client.SignInAsync("admin", GongkaiApp.AdminPassword);
        Assert.Contains("提交过于频繁", await last.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}
