using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform;

/// <summary>
/// TestServer gives no client address. This makes every test request arrive from the loopback proxy, so the app's own
/// forwarded-headers rule (loopback is a trusted proxy; ForwardedHeaders:KnownProxies names others) takes the client
/// address from X-Forwarded-For, as it does behind a real proxy.
/// </summary>
internal sealed class FromLoopbackProxy : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return following(context);
        });
        next(app);
    };

    public static void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, FromLoopbackProxy>());
}

public sealed class AddressedSqliteApp : SqliteApp, IClockedApp
{
    public FakeClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Clocked.Configure(builder, Clock);
        FromLoopbackProxy.Configure(builder);
    }
}

public sealed class AddressedPostgresApp : PostgresApp, IClockedApp
{
    public FakeClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Clocked.Configure(builder, Clock);
        FromLoopbackProxy.Configure(builder);
    }
}

/// <summary>Growing delays by address and by account instead of a lock any stranger can trigger (issue 14, item 2).</summary>
public abstract partial class SignInThrottleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    private HttpClient From(string address)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task<(HttpStatusCode Status, int? RetryAfter, string Text)> TryAsync(HttpClient client, string user, string password)
    {
        var response = await client.SignInAsync(user, password);
        var html = (await response.Content.ReadAsStringAsync()).Text();
        var retry = response.Headers.TryGetValues("Retry-After", out var v) ? int.Parse(v.Single(), System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        return (response.StatusCode, retry, html);
    }

    [GeneratedRegex("<main.*</main>", RegexOptions.Singleline)]
    private static partial Regex MainElement();

    private static string Message(string html) =>
        Regex.Replace(MainElement().Match(html).Value, "name=\"__csrf\" type=\"hidden\" value=\"[^\"]+\"", "csrf");

    [Fact]
    public async Task A_strangers_fifty_failures_wait_ever_longer_and_never_stop_the_owner_at_their_usual_address()
    {
        var owner = await app.StaffAsync("thr-owner", "Owner-river-2026", (StaffRole.Editor, null));
        var office = From("198.51.100.7");
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(office, "thr-owner", "Owner-river-2026")).Status);

        var stranger = From("203.0.113.9");
        var waits = new List<int>();
        for (var failure = 1; failure <= 50; failure++)
        {
            var attempt = await TryAsync(stranger, "thr-owner", "guess-" + failure);
            Assert.Equal(HttpStatusCode.OK, attempt.Status);
            Assert.Contains("用户名或密码不正确", attempt.Text);

            if (failure < 3)
            {
                continue;
            }

            // Right away again, even with the right password: refused unverified, told how long to wait.
            var early = await TryAsync(stranger, "thr-owner", "Owner-river-2026");
            Assert.Equal(HttpStatusCode.TooManyRequests, early.Status);
            Assert.Contains($"请于{early.RetryAfter}秒后重试", early.Text);
            waits.Add(early.RetryAfter!.Value);

            // The owner at their usual address is never held up by the stranger; anyone else who never signed in as
            // the owner is held by the account's delay, right password or not.
            if (failure % 10 == 0)
            {
                Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(From("198.51.100.7"), "thr-owner", "Owner-river-2026")).Status);
                Assert.Equal(HttpStatusCode.TooManyRequests, (await TryAsync(From("192.0.2.44"), "thr-owner", "Owner-river-2026")).Status);
            }

            app.Clock.Now += TimeSpan.FromSeconds(early.RetryAfter.Value);
        }

        // 1 s, 2 s, 4 s … doubling up to the 15-minute cap, then staying there.
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 512], waits.Take(10));
        Assert.All(waits.Skip(10), w => Assert.Equal(900, w));

        var throttled = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "staff.signin.throttled" && e.TargetId == owner.Id).ToListAsync());
        var only = Assert.Single(throttled);
        Assert.Contains("thr-owner", only.Summary);
        Assert.Contains("203.0.113.*", only.Summary);
        Assert.DoesNotContain("203.0.113.9", only.Summary);
        Assert.DoesNotContain("guess", only.Summary);
    }

    [Fact]
    public async Task An_address_trying_many_names_is_delayed_on_its_own()
    {
        var client = From("203.0.113.77");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await TryAsync(client, $"thr-nobody-{i}", "guess-2026-x")).Status);
        }

        var next = await TryAsync(client, "thr-never-tried", "guess-2026-x");
        Assert.Equal(HttpStatusCode.TooManyRequests, next.Status);
        Assert.Equal(1, next.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await TryAsync(From("203.0.113.78"), "thr-never-tried", "guess-2026-x")).Status);
    }

    [Fact]
    public async Task A_throttled_unknown_name_and_a_throttled_real_account_get_the_same_answer()
    {
        await app.StaffAsync("thr-real", "Real-lake-20261", (StaffRole.Editor, null));
        var real = From("203.0.113.21");
        var unknown = From("203.0.113.22");
        for (var i = 0; i < 3; i++)
        {
            await TryAsync(real, "thr-real", "guess-" + i);
            await TryAsync(unknown, "thr-ghost", "guess-" + i);
        }

        var a = await TryAsync(real, "thr-real", "guess-x");
        var b = await TryAsync(unknown, "thr-ghost", "guess-x");
        Assert.Equal(HttpStatusCode.TooManyRequests, a.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, b.Status);
        Assert.Equal(a.RetryAfter, b.RetryAfter);
        Assert.Equal(Message(b.Text), Message(a.Text).Replace("thr-real", "thr-ghost"));
        Assert.Contains("用户名或密码不正确", a.Text);
    }

    [Fact]
    public async Task An_administrators_unlock_clears_the_accounts_delay()
    {
        var user = await app.StaffAsync("thr-unlock", "Unlock-hill-2026", (StaffRole.Editor, null));
        var stranger = From("203.0.113.31");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await TryAsync(stranger, "thr-unlock", "guess-" + i)).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryAsync(From("192.0.2.31"), "thr-unlock", "Unlock-hill-2026")).Status);

        var admin = From("10.1.2.3");
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var page = $"/admin/staff/edit/{user.Id}";
        Assert.Contains("登录受限", (await admin.GetStringAsync(page)).Text());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, [], page + "?handler=Unlock")).StatusCode);
        Assert.DoesNotContain("登录受限", (await admin.GetStringAsync(page)).Text());
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "staff.unlock" && e.TargetId == user.Id)));

        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(From("192.0.2.31"), "thr-unlock", "Unlock-hill-2026")).Status);
    }

    [Fact]
    public async Task The_owners_own_failures_at_their_address_are_cleared_by_signing_in()
    {
        await app.StaffAsync("thr-typo", "Typo-field-2026", (StaffRole.Editor, null));
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(From("198.51.100.50"), "thr-typo", "Typo-field-2026")).Status);

        var office = From("198.51.100.50");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await TryAsync(office, "thr-typo", "typo-" + i)).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryAsync(office, "thr-typo", "Typo-field-2026")).Status);
        app.Clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(From("198.51.100.50"), "thr-typo", "Typo-field-2026")).Status);

        // Counted afresh there: two more typos are answered without a wait.
        var again = From("198.51.100.50");
        Assert.Equal(HttpStatusCode.OK, (await TryAsync(again, "thr-typo", "typo-x")).Status);
        Assert.Equal(HttpStatusCode.OK, (await TryAsync(again, "thr-typo", "typo-y")).Status);
    }

    [Fact]
    public async Task Simultaneous_failures_are_all_counted()
    {
        // Each failure in its own unit of work, as on separate instances sharing the database.
        await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SignInThrottle>().FailedAsync("THR-PARALLEL", IPAddress.Parse("203.0.113.200"), null);
        }));
        var failures = await app.WithDbAsync(db => db.Set<SignInThrottleEntry>().Where(e => e.Key == "a:THR-PARALLEL").Select(e => e.Failures).SingleAsync());
        Assert.Equal(24, failures);
    }

    [Fact]
    public async Task Counters_nobody_needs_are_forgotten_at_the_next_sign_in()
    {
        await app.StaffAsync("thr-stale", "Stale-pond-2026", (StaffRole.Editor, null));
        Assert.Equal(HttpStatusCode.OK, (await TryAsync(From("203.0.113.90"), "thr-made-up-name", "guess-2026-x")).Status);
        Assert.True(await app.WithDbAsync(db => db.Set<SignInThrottleEntry>().AnyAsync(e => e.Key == "a:THR-MADE-UP-NAME")));

        app.Clock.Now += TimeSpan.FromMinutes(16);
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(From("198.51.100.90"), "thr-stale", "Stale-pond-2026")).Status);
        Assert.False(await app.WithDbAsync(db => db.Set<SignInThrottleEntry>().AnyAsync(e => e.Key == "a:THR-MADE-UP-NAME")));
        // The owner's address is remembered, not forgotten.
        Assert.True(await app.WithDbAsync(db => db.Set<SignInThrottleEntry>().AnyAsync(e => e.Key.StartsWith("p:THR-STALE:") && e.LastSuccessAt != null)));
    }
}

public sealed class SignInThrottleTests_Sqlite(AddressedSqliteApp app) : SignInThrottleTests<AddressedSqliteApp>(app);

public sealed class SignInThrottleTests_Postgres(AddressedPostgresApp app) : SignInThrottleTests<AddressedPostgresApp>(app);
