using System.Net;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform;

/// <summary>
/// Dates far outside anything a record can carry (0001-01-01, 9999-12-31) are refused with the shared message (the
/// same on the page, the API and the CLI), never answered 500 and never stored.
/// </summary>
public abstract class BoundaryInputTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    [Theory]
    [InlineData("from=0001-01-01", "起始日期“0001-01-01”超出可受理的范围")]
    [InlineData("to=9999-12-31", "截止日期“9999-12-31”超出可受理的范围")]
    [InlineData("from=1949-09-30", "起始日期“1949-09-30”超出可受理的范围")]
    public async Task The_search_page_names_the_implausible_date(string filter, string message)
    {
        var response = await app.Browser().GetAsync("/search?q=%E9%80%9A%E7%9F%A5&" + filter);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = (await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains(message, html);
        Assert.Contains("1949-10-01 至 2100-12-31", html);
    }

    [Theory]
    [InlineData("/api/v1/search?q=%E9%80%9A%E7%9F%A5&from=0001-01-01", "from")]
    [InlineData("/api/v1/search?q=%E9%80%9A%E7%9F%A5&to=9999-12-31", "to")]
    [InlineData("/api/v1/audit?from=0001-01-01", "from")]
    [InlineData("/api/v1/audit?to=9999-12-31", "to")]
    [InlineData("/api/v1/calendar/add?from=9999-12-31&workingDays=1", "from")]
    [InlineData("/api/v1/calendar/days/0001-01-01", "date")]
    public async Task The_API_answers_400_naming_the_field(string url, string field)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(await app.AdminIdAsync()));
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        Assert.Contains("超出可受理的范围", problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/admin/audit?From=0001-01-01")]
    [InlineData("/admin/audit?To=9999-12-31")]
    [InlineData("/admin/audit?handler=Csv&From=0001-01-01")]
    [InlineData("/admin/audit?handler=Csv&To=9999-12-31")]
    public async Task The_audit_list_and_CSV_show_a_message_not_an_error(string url)
    {
        var client = app.Browser();
        await client.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var response = await client.GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url} answered {response.StatusCode}");
        var html = (await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains("超出可受理的范围", html);
    }

    [Theory]
    [InlineData("until", "9999-12-31")]
    [InlineData("on", "0001-01-01")]
    public async Task A_JSON_body_date_outside_the_range_is_refused_before_anything_is_stored(string property, string date)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(await app.AdminIdAsync()));
        var body = new Dictionary<string, string> { ["on"] = "2026-12-01", ["until"] = "2026-12-20", ["note"] = "补正" };
        body[property] = date;
        var response = await client.PostAsync($"/api/v1/admin/requests/{Guid.NewGuid()}/correction-notice", JsonContent(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains($"“{date}”超出可受理的范围", problem.RootElement.GetProperty("detail").GetString());
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}

public sealed class BoundaryInputTests_Sqlite(SqliteApp app) : BoundaryInputTests<SqliteApp>(app);

public sealed class BoundaryInputTests_Postgres(PostgresApp app) : BoundaryInputTests<PostgresApp>(app);
