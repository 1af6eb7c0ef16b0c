using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Disclosure.Demo;
using Gongkai.Disclosure.Portal;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Disclosure;

/// <summary>
/// The demo site's 年度报告 column (issue 16): the generated documents include one published annual report per organ
/// and year, typed 年度报告, so /annual-reports lists every organ's report for the newest year and names no organ as missing.
/// </summary>
public abstract partial class DemoAnnualReportsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    [GeneratedRegex(@"(\d{4})年度（(\d+)份）")]
    private static partial Regex YearHeading();

    [Fact]
    public async Task The_demo_fills_the_annual_report_column_with_every_organs_report_for_the_newest_year()
    {
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDocuments>().GenerateAsync(1_500, DemoDocumentsAtStart.DefaultSeed);
        }

        var response = await app.Browser().GetAsync("/annual-reports");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = (await response.Content.ReadAsStringAsync()).Text();
        var heading = YearHeading().Match(html);
        Assert.True(heading.Success, "no year listed in the column");
        var year = int.Parse(heading.Groups[1].Value);
        var count = int.Parse(heading.Groups[2].Value);
        var receiving = await app.WithDbAsync(db => db.Organs.CountAsync(o => o.IsActive && o.ReceivesRequests));
        Assert.True(count >= receiving, $"{year}: {count} reports for {receiving} organs");
        Assert.DoesNotContain("尚未在本站发布", html);
        Assert.Contains($"{year}年政府信息公开工作年度报告", html);

        // One report per organ and year, in every year listed.
        using var read = app.Services.CreateScope();
        var all = await read.ServiceProvider.GetRequiredService<AnnualReportDocuments>().AllAsync();
        Assert.Equal(all.Count, all.Select(r => (r.OrganId, r.Year)).Distinct().Count());
        Assert.True(all.Select(r => r.Year).Distinct().Count() >= 1);
    }
}

public sealed class DemoAnnualReportsTests_Sqlite(SqliteApp app) : DemoAnnualReportsTests<SqliteApp>(app);

public sealed class DemoAnnualReportsTests_Postgres(PostgresApp app) : DemoAnnualReportsTests<PostgresApp>(app);
