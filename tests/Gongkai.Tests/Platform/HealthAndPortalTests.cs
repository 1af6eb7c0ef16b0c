using System.Net;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Platform;

public abstract class HealthAndPortalTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    [Fact]
    public async Task Healthz_answers_while_the_process_runs()
    {
        var response = await app.Browser().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_reports_the_database_ready_with_all_migrations()
    {
        var response = await app.Browser().GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ready", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Start_up_applies_every_migration_to_an_empty_database()
    {
        Assert.True(app.FromEmptyDatabase);
        var (all, applied) = await app.WithDbAsync(async db =>
            (db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList()));
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
    }

    [Fact]
    public async Task Home_page_shows_the_navigation_and_the_demo_organisation()
    {
        var html = await app.Browser().GetStringAsync("/");
        foreach (var label in new[] { "政府信息公开", "政策", "互动交流", "数据开放", "跳到主要内容", "长者模式" })
        {
            Assert.Contains(label, html);
        }

        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("本区共有44个政府信息公开主体，其中街道办事处15个", html);
        Assert.DoesNotContain("区卫计委", html);
        Assert.Contains("新街口街道", html);
        Assert.Contains("区发展改革委", html);
    }

    [Fact]
    public async Task Elder_mode_is_switched_by_a_link_and_persists_in_a_cookie()
    {
        var client = app.Browser();
        var response = await client.GetAsync("/preferences/elder?on=1&returnUrl=%2Faccount%2Flogin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.ToString());
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gk.elder=1"));
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);

        Assert.Contains("<body class=\"elder", await client.GetStringAsync("/"));
        Assert.Contains("退出长者模式", await client.GetStringAsync("/account/login"));

        await client.GetAsync("/preferences/elder?on=0");
        Assert.DoesNotContain("<body class=\"elder", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Elder_mode_returns_to_an_address_with_unescaped_Chinese()
    {
        var response = await app.Browser().GetAsync("/preferences/elder?on=1&returnUrl=" + Uri.EscapeDataString("/search?q=低保 救助&page=2"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/search?q=%E4%BD%8E%E4%BF%9D%20%E6%95%91%E5%8A%A9&page=2", response.Headers.Location?.OriginalString);
        response = await app.Browser().GetAsync("/preferences/elder?on=1&returnUrl=" + Uri.EscapeDataString("/search?q=%E4%BD%8E%E4%BF%9D"));
        Assert.Equal("/search?q=%E4%BD%8E%E4%BF%9D", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Elder_mode_never_redirects_off_site()
    {
        var response = await app.Browser().GetAsync("/preferences/elder?on=1&returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", response.Headers.Location?.ToString());
        response = await app.Browser().GetAsync("/preferences/elder?on=1&returnUrl=%2F%2Fevil.example");
        Assert.Equal("/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Pages_send_a_strict_content_security_policy_and_no_external_assets()
    {
        var response = await app.Browser().GetAsync("/");
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("src=\"http", html);
        // Absolute links are allowed only to the site itself (hreflang alternates must be absolute; Site:BaseUrl).
        foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(html, "href=\"(https?://[^\"]*)\""))
        {
            Assert.Equal("localhost", new Uri(link.Groups[1].Value).Host);
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_and_its_reference_page_are_served()
    {
        var client = app.Browser();
        var doc = await client.GetStringAsync("/openapi/v1.json");
        using var json = JsonDocument.Parse(doc);
        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/organs", out _));
        Assert.True(paths.TryGetProperty("/api/v1/calendar/add", out _));
        var page = await client.GetAsync("/api/docs/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("cdn.", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_api_routes_answer_with_problem_details()
    {
        var response = await app.Browser().GetAsync($"/api/v1/organs/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

// These two start on an empty database (every other application starts on a copy of the run's migrated template).
public sealed class HealthAndPortalTests_Sqlite(EmptySqliteApp app) : HealthAndPortalTests<EmptySqliteApp>(app);

public sealed class HealthAndPortalTests_Postgres(EmptyPostgresApp app) : HealthAndPortalTests<EmptyPostgresApp>(app);
