using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Tokens;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Tests.Infrastructure;

/// <summary>
/// The whole application over HTTP on a fresh database of its own: a temporary SQLite file, or a new
/// database in the throwaway PostgreSQL cluster that test.sh starts (GONGKAI_TEST_POSTGRES).
/// </summary>
public abstract class GongkaiApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "District-key-2026";
    private readonly string databaseName = "gk_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? sqliteFile;

    protected abstract string Provider { get; }

    protected virtual int PublicFormPostsPerMinute => 10_000;

    /// <summary>
    /// True: the application starts on an empty database and applies every migration itself. Otherwise it starts on a
    /// copy of the run's migrated template (<see cref="MigratedTemplate"/>) and runs the rest of its start-up.
    /// </summary>
    protected internal virtual bool FromEmptyDatabase => false;

    /// <summary>Extra configuration for a variant of the application.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public string ConnectionString { get; private set; } = "";

    /// <summary>
    /// The clock the application runs on unless a variant sets its own (<see cref="IClockedApp"/>): fake, starting at
    /// <see cref="TestClock.Start"/>, a millisecond further each time it is read. Never the machine's clock, so a run at
    /// GONGKAI_TEST_NOW=2026-12-31T23:59:00+08:00 is the last minute of the year for every page, use case and test.
    /// </summary>
    private readonly FakeClock defaultClock = new(TimeSpan.FromMilliseconds(1));

    /// <summary>Only for an application whose test needs the framework and the application to agree on the machine's time (<see cref="TestClock.Machine"/>).</summary>
    protected internal virtual bool OnMachineClock => false;

    /// <summary>The clock the application under test reads (whichever was registered last).</summary>
    public TimeProvider AppClock => Services.GetRequiredService<TimeProvider>();

    /// <summary>The district day of the application under test.</summary>
    public DateOnly Today => Gongkai.Platform.ChineseDates.Today(AppClock);

    /// <summary>Checks every request against the audit rule; a breach fails the test class when the application is disposed.</summary>
    public AuditRule AuditRule { get; } = new();

    public virtual async Task InitializeAsync()
    {
        if (Provider == DatabaseSetup.Postgres)
        {
            var server = PostgresServer.ConnectionString;
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            var template = FromEmptyDatabase ? "" : " TEMPLATE " + await MigratedTemplate.PostgresTemplateAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {databaseName}{template}", conn);
            await cmd.ExecuteNonQueryAsync();
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ConnectionString;
        }
        else
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), databaseName + ".db");
            ConnectionString = $"Data Source={sqliteFile}";
            if (!FromEmptyDatabase)
            {
                await MigratedTemplate.CopySqliteToAsync(sqliteFile);
            }
        }

        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Gongkai", ConnectionString);
        builder.UseSetting("GONGKAI_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("RateLimits:PublicFormPostsPerMinute", PublicFormPostsPerMinute.ToString());
        // Tests arrange their own documents; the demo set is generated only where a test asks for it.
        builder.UseSetting("Demo:Documents", "0");
        // The annual-report reminders would write a day's list and an audit event at start-up; tests run them themselves.
        builder.UseSetting("Reports:DailyReminders", "false");
        builder.ConfigureTestServices(services => services.AddSingleton(OnMachineClock ? TestClock.Machine : defaultClock));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(AuditRule.Register);
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithDbAsync<T>(Func<GongkaiDb, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<GongkaiDb>());
    }

    public Task<Organ> OrganAsync(string shortName) =>
        WithDbAsync(db => db.Organs.Include(o => o.Aliases).SingleAsync(o => o.ShortName == shortName));

    /// <summary>Creates a staff account directly (test arrangement, not the behaviour under test).</summary>
    public async Task<StaffUser> StaffAsync(string userName, string password, params (StaffRole Role, Guid? OrganId)[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        var user = new StaffUser { UserName = userName, DisplayName = "测试" + userName, OrganId = roles.FirstOrDefault().OrganId, LockoutEnabled = true };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.Description)));
        foreach (var (role, organ) in roles)
        {
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, OrganId = organ });
        }

        await db.SaveChangesAsync();
        return user;
    }

    public async Task<string> TokenAsync(string userId)
    {
        using var scope = Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(userId, "测试", null)).Secret;
    }

    public async Task<string> AdminIdAsync() => await WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == DatabaseSetup.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        else if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                File.Delete(f);
            }
        }

        AuditRule.ThrowIfBroken();
    }
}

public class SqliteApp : GongkaiApp
{
    protected override string Provider => DatabaseSetup.Sqlite;
}

public class PostgresApp : GongkaiApp
{
    protected override string Provider => DatabaseSetup.Postgres;
}

/// <summary>The application on an empty SQLite database: its start-up applies every migration.</summary>
public class EmptySqliteApp : SqliteApp
{
    protected internal override bool FromEmptyDatabase => true;
}

/// <summary>The application on an empty PostgreSQL database: its start-up applies every migration.</summary>
public class EmptyPostgresApp : PostgresApp
{
    protected internal override bool FromEmptyDatabase => true;
}

/// <summary>The throwaway cluster started by test.sh. Without it, PostgreSQL tests fail loudly rather than skip.</summary>
public static class PostgresServer
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES")
        ?? throw new InvalidOperationException("GONGKAI_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL cluster.");
}
