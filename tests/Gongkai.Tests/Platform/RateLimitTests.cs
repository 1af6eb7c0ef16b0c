using System.Net;
using System.Net.Http.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform;

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

public sealed class UnlimitedSqliteApp : SqliteApp
{
    protected override int PublicFormPostsPerMinute => 0;
}

/// <summary>RateLimits:PublicFormPostsPerMinute = 0 turns the public limit off (load tests), on forms and on POST /api/v1/requests.</summary>
public sealed class RateLimitOffTests(UnlimitedSqliteApp app) : IClassFixture<UnlimitedSqliteApp>
{
    [Fact]
    public async Task Zero_turns_the_limit_off()
    {
        var client = app.Browser();
        for (var i = 0; i < 25; i++)
        {
            // Sign-in's own growing delays still apply (SignInThrottle); the per-minute form limit does not.
            Assert.DoesNotContain("提交过于频繁", await (await client.SignInAsync("admin", "wrong-" + i)).Content.ReadAsStringAsync());
        }

        var organ = (await app.OrganAsync("区民政局")).Id;
        for (var i = 0; i < 25; i++)
        {
            var response = await app.CreateClient().PostAsJsonAsync("/api/v1/requests", new
            {
                organId = organ,
                applicantType = "NaturalPerson",
                applicantName = "压测" + i,
                idDocumentType = "ResidentIdCard",
                idNumber = "110102199003070026",
                phone = "13900139000",
                informationWanted = "本区养老服务补贴发放情况",
                form = "Electronic",
                delivery = "Email",
                email = "a@example.cn",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }
}
