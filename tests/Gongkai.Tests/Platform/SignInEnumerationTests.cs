using System.Net;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform;

/// <summary>Counts password verifications, to show an unknown user name costs the same hashing work as a wrong password.</summary>
public sealed class CountingHasher : IPasswordHasher<StaffUser>
{
    private readonly PasswordHasher<StaffUser> inner = new();
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string HashPassword(StaffUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public interface ICountingApp
{
    CountingHasher Hasher { get; }
}

public sealed class CountingSqliteApp : SqliteApp, ICountingApp
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<StaffUser>>(Hasher));
        Clocked.Configure(builder, new FakeClock());
    }
}

public sealed class CountingPostgresApp : PostgresApp, ICountingApp
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<StaffUser>>(Hasher));
        Clocked.Configure(builder, new FakeClock());
    }
}

/// <summary>Every failed sign-in gets the same answer after the same work; locked or disabled is told only to someone with the password (issue 14, item 2).</summary>
public abstract class SignInEnumerationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, ICountingApp
{
    private async Task<(string Text, int Hashes)> FailAsync(string userName, string password, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var client = app.Browser();
        var token = await client.CsrfTokenAsync("/account/login");
        var before = app.Hasher.Verifications;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent([new("UserName", userName), new("Password", password), new("__csrf", token)]));
        var hashes = app.Hasher.Verifications - before;
        Assert.Equal(expected, response.StatusCode);
        var html = (await response.Content.ReadAsStringAsync()).Text();
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        return (System.Text.RegularExpressions.Regex.Replace(html[start..], "name=\"__csrf\" type=\"hidden\" value=\"[^\"]+\"", "csrf"), hashes);
    }

    [Fact]
    public async Task Unknown_wrong_locked_and_disabled_accounts_get_the_same_answer_after_the_same_hashing()
    {
        await app.StaffAsync("enum-real", "Quiet-river-2026", (StaffRole.Editor, null));
        var off = await app.StaffAsync("enum-off", "Calm-lake-2026x", (StaffRole.Editor, null));
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == off.Id)).IsDisabled = true;
            return await db.SaveChangesAsync();
        });

        var unknown = await FailAsync("enum-nobody", "Some-guess-2026");
        var wrong = await FailAsync("enum-real", "Some-guess-2026");
        var disabled = await FailAsync("enum-off", "Some-guess-2026");
        Assert.Equal(1, unknown.Hashes);
        Assert.Equal(unknown.Hashes, wrong.Hashes);
        Assert.Equal(unknown.Hashes, disabled.Hashes);
        Assert.Contains("用户名或密码不正确", unknown.Text);
        Assert.Equal(unknown.Text, wrong.Text.Replace("enum-real", "enum-nobody"));
        Assert.Equal(unknown.Text, disabled.Text.Replace("enum-off", "enum-nobody"));
        Assert.DoesNotContain("停用", disabled.Text);

        // Two more failures each and both names are throttled (the clock stands still): the early attempt is refused
        // without hashing anything, in the same words for the real account and the unknown name.
        for (var i = 0; i < 2; i++)
        {
            await FailAsync("enum-real", "Some-guess-" + i);
            await FailAsync("enum-nobody", "Some-guess-" + i);
        }

        var throttledReal = await FailAsync("enum-real", "Quiet-river-2026", HttpStatusCode.TooManyRequests);
        var throttledUnknown = await FailAsync("enum-nobody", "Some-guess-2027", HttpStatusCode.TooManyRequests);
        Assert.Equal(0, throttledReal.Hashes);
        Assert.Equal(0, throttledUnknown.Hashes);
        Assert.Contains("请于1秒后重试", throttledUnknown.Text);
        Assert.Equal(throttledUnknown.Text, throttledReal.Text.Replace("enum-real", "enum-nobody").Replace("Quiet-river-2026", "Some-guess-2027"));
    }
}

public sealed class SignInEnumerationTests_Sqlite(CountingSqliteApp app) : SignInEnumerationTests<CountingSqliteApp>(app);

public sealed class SignInEnumerationTests_Postgres(CountingPostgresApp app) : SignInEnumerationTests<CountingPostgresApp>(app);
