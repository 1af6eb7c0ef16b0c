using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Data;
using Gongkai.Requests;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Tests.Platform;

/// <summary>
/// A database or disk outage answers 503 with Retry-After and "nothing was saved" (ProblemDetails on the API, a page
/// elsewhere), never 500; /readyz turns 503 while writes fail and 200 again once they succeed.
/// </summary>
public abstract class InfrastructureOutageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IOutageApp
{
    [Fact]
    public async Task Writes_failing_answer_503_with_Retry_After_and_readyz_follows()
    {
        var browser = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync()).StatusCode);
        // The form is read while the database answers (on PostgreSQL reads fail too once it is down).
        var form = await browser.GetStringAsync("/requests/new");
        var submissionKey = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.SubmissionKey\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var csrf = await browser.CsrfTokenAsync("/requests/new");

        await app.BreakAsync();
        try
        {
            var stored = await app.CountRequestsAsync();
            var accepted = 0;
            HttpResponseMessage? refused = null;
            for (var i = 0; i < 200 && refused is null; i++)
            {
                var response = await SubmitAsync();
                Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    accepted++;
                }
                else
                {
                    refused = response;
                }
            }

            Assert.NotNull(refused);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("10", refused.Headers.GetValues("Retry-After").Single());
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("没有保存", problem.GetProperty("detail").GetString());
            Assert.Equal(stored + accepted, await app.CountRequestsAsync());

            var ready = await browser.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.True(ready.Headers.Contains("Retry-After"));
            Assert.Equal("unavailable", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

            if (app.PagesFail)
            {
                // A page's POST that writes (the public request form) is answered by the same page-side 503.
                HttpResponseMessage? page = null;
                // Each attempt is a new submission (a repeated key only shows the earlier receipt and writes nothing), so
                // the attempts fill whatever room is left in partly used pages until a write needs a page the disk lacks.
                for (var i = 0; i < 500 && page?.StatusCode is null or HttpStatusCode.OK; i++)
                {
                    page = await PostRequestFormAsync(browser, i == 0 ? submissionKey : Guid.NewGuid().ToString(), csrf);
                    Assert.NotEqual(HttpStatusCode.InternalServerError, page.StatusCode);
                }

                Assert.NotNull(page);
                Assert.True(page.StatusCode == HttpStatusCode.ServiceUnavailable,
                    $"the form answered {(int)page.StatusCode}: " + System.Text.RegularExpressions.Regex.Replace(await page.Content.ReadAsStringAsync(), "<[^>]+>|\\s+", " "));
                Assert.True(page.Headers.Contains("Retry-After"));
                Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
                var html = await page.Content.ReadAsStringAsync();
                Assert.Contains("服务暂时不可用", html);
                Assert.Contains("没有保存", html);
            }
        }
        finally
        {
            await app.RepairAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync()).StatusCode);
    }

    private async Task<HttpResponseMessage> PostRequestFormAsync(HttpClient client, string submissionKey, string csrf) =>
        await client.PostAsync("/requests/new", new FormUrlEncodedContent(
        [
            new("Input.SubmissionKey", submissionKey),
            new("Input.OrganId", organ.ToString()),
            new("Input.ApplicantType", "NaturalPerson"),
            new("Input.ApplicantName", "李四"),
            new("Input.IdDocumentType", "ResidentIdCard"),
            new("Input.IdNumber", "110102199003070026"),
            new("Input.Phone", "13800138000"),
            new("Input.InformationWanted", "2025年本区养老服务驿站运营补贴发放情况"),
            new("Input.Form", "Electronic"),
            new("Input.Delivery", "Online"),
            new("__csrf", csrf),
        ]));

    private Guid organ;

    private async Task<HttpResponseMessage> SubmitAsync()
    {
        organ = organ == Guid.Empty ? (await app.OrganAsync("区民政局")).Id : organ;
        return await app.CreateClient().PostAsJsonAsync("/api/v1/requests", new
        {
            organId = organ,
            applicantType = "NaturalPerson",
            applicantName = "张三",
            idDocumentType = "ResidentIdCard",
            idNumber = "110102199003070026",
            phone = "13900139000",
            informationWanted = "本区2025年养老服务驿站运营补贴发放情况",
            form = "Electronic",
            delivery = "Email",
            email = "a@example.cn",
        });
    }
}

/// <summary>An application whose database the test can make refuse writes, and repair.</summary>
public interface IOutageApp
{
    /// <summary>Whether page requests fail too (a full disk still reads; a database that is down does not).</summary>
    bool PagesFail { get; }

    Task BreakAsync();

    Task RepairAsync();

    Task<int> CountRequestsAsync();
}

/// <summary>
/// SQLite whose file may not grow: every connection the application opens gets <c>PRAGMA max_page_count</c> at the
/// current size, and the free pages are taken by a filler table, as on a full disk.
/// </summary>
public sealed class FullDiskSqliteApp : SqliteApp, IOutageApp
{
    private readonly PageCap cap = new();

    public bool PagesFail => true;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Health:ProbeSeconds"] = "0" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.ConfigureDbContext<SqliteGongkaiDb>(o => o.AddInterceptors(cap)));
    }

    public async Task BreakAsync()
    {
        await using var conn = new SqliteConnection(ConnectionString);
        await conn.OpenAsync();
        await ExecAsync(conn, "CREATE TABLE IF NOT EXISTS test_filler (x BLOB)");
        cap.Pages = await ScalarAsync(conn, "PRAGMA page_count");
        await ExecAsync(conn, $"PRAGMA max_page_count = {cap.Pages}");
        foreach (var size in new[] { 4096, 256, 16 })
        {
            try
            {
                while (true)
                {
                    await ExecAsync(conn, $"INSERT INTO test_filler VALUES (zeroblob({size}))");
                }
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 13)
            {
                // SQLITE_FULL: this size no longer fits anywhere.
            }
        }
    }

    public async Task RepairAsync()
    {
        cap.Pages = 0;
        await using var conn = new SqliteConnection(ConnectionString);
        await conn.OpenAsync();
        await ExecAsync(conn, "DROP TABLE IF EXISTS test_filler");
    }

    public Task<int> CountRequestsAsync() => WithDbAsync(db => db.DisclosureRequests.CountAsync());

    private static async Task ExecAsync(SqliteConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private sealed class PageCap : DbConnectionInterceptor
    {
        public long Pages { get; set; }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"PRAGMA max_page_count = {(Pages > 0 ? Pages : 4294967294)}";
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"PRAGMA max_page_count = {(Pages > 0 ? Pages : 4294967294)}";
            cmd.ExecuteNonQuery();
        }
    }
}

/// <summary>PostgreSQL going away: the test's own database stops accepting connections and its sessions are ended.</summary>
public sealed class DownPostgresApp : PostgresApp, IOutageApp
{
    public bool PagesFail => true;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Health:ProbeSeconds"] = "0" };

    private string Database => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    public async Task BreakAsync()
    {
        await AdminAsync($"ALTER DATABASE {Database} ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Database}' AND pid <> pg_backend_pid()");
    }

    public async Task RepairAsync() => await AdminAsync($"ALTER DATABASE {Database} ALLOW_CONNECTIONS true");

    public async Task<int> CountRequestsAsync()
    {
        // The application cannot reach its database now; count through the administrator's connection instead.
        await AdminAsync($"ALTER DATABASE {Database} ALLOW_CONNECTIONS true");
        try
        {
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM disclosure_requests", conn);
            return (int)(long)(await cmd.ExecuteScalarAsync())!;
        }
        finally
        {
            await BreakAsync();
        }
    }

    private static async Task AdminAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

public sealed class InfrastructureOutageTests_Sqlite(FullDiskSqliteApp app) : InfrastructureOutageTests<FullDiskSqliteApp>(app);

public sealed class InfrastructureOutageTests_Postgres(DownPostgresApp app) : InfrastructureOutageTests<DownPostgresApp>(app);

public sealed class InfrastructureFailureTests
{
    [Fact]
    public void Outages_are_told_from_faults_in_the_code()
    {
        Assert.True(InfrastructureFailure.Is(new DbUpdateException("x", new SqliteException("database or disk is full", 13))));
        Assert.True(InfrastructureFailure.Is(new SqliteException("disk I/O error", 10 | (3 << 8))));
        Assert.False(InfrastructureFailure.Is(new SqliteException("UNIQUE constraint failed", 19)));
        Assert.True(InfrastructureFailure.Is(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01")));
        Assert.True(InfrastructureFailure.Is(new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03")));
        Assert.True(InfrastructureFailure.Is(new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300")));
        Assert.True(InfrastructureFailure.Is(new PostgresException("could not extend file", "ERROR", "ERROR", "53100")));
        Assert.False(InfrastructureFailure.Is(new DbUpdateException("x", new PostgresException("duplicate key", "ERROR", "ERROR", "23505"))));
        Assert.True(InfrastructureFailure.Is(new InvalidOperationException("意见暂时未能保存", new NpgsqlException("Failed to connect"))));
        Assert.False(InfrastructureFailure.Is(new InvalidOperationException("bug")));
        Assert.False(InfrastructureFailure.Is(new FileNotFoundException("gone")));
    }

    [Fact]
    public void A_full_disk_when_writing_a_file_is_an_outage()
    {
        var full = Assert.ThrowsAny<IOException>(() => File.WriteAllBytes("/dev/full", new byte[8192]));
        Assert.True(InfrastructureFailure.Is(full), $"HResult {full.HResult}: {full.Message}");
    }
}
