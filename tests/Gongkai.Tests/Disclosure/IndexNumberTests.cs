using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Disclosure;

public sealed class MonthlyIndexApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Disclosure:IndexNumberTemplate"] = "11010200-{organ}-{year}{month}-{seq:3}",
    };
}

/// <summary>索引号 follows the configured template and counts up per organ and period.</summary>
public sealed class IndexNumberTests(MonthlyIndexApp app) : IClassFixture<MonthlyIndexApp>
{
    [Fact]
    public async Task Index_numbers_follow_the_configured_template_and_count_up()
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(await app.AdminIdAsync()));
        var organ = await app.OrganAsync("区审计局");
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/documents", new
            {
                document = new
                {
                    organId = organ.Id,
                    title = "审计结果公告" + i,
                    subjectCategory = "财政、金融、审计\\审计",
                    informationType = "Notice",
                    writtenOn = "2026-11-02",
                    attribute = "Proactive",
                    body = "<p>公告。</p>",
                },
            });
            numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("indexNumber").GetString()!);
        }

        var month = app.Today.ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([$"11010200-{organ.Code}-{month}-001", $"11010200-{organ.Code}-{month}-002", $"11010200-{organ.Code}-{month}-003"], numbers);
    }
}
