using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Platform.Staff;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Plans;

/// <summary>
/// A plan whose text names no year is proposed for the district's year, read from the clock in Beijing time: on the
/// morning of 1 January in Beijing it is still 31 December in UTC, and the new year's plan must not be filed under the old one.
/// </summary>
public abstract partial class PlanImportYearTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    [GeneratedRegex("name=\"Input.Year\"[^>]*value=\"([0-9]*)\"|value=\"([0-9]*)\"[^>]*name=\"Input.Year\"")]
    private static partial Regex YearField();

    [Fact]
    public async Task A_plan_without_a_year_is_proposed_for_the_Beijing_year_at_half_past_midnight_on_1_January()
    {
        // 31 December 16:30 UTC is 1 January 00:30 in Beijing.
        app.Clock.Now = new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero);
        const string password = "Office-pass-2026";
        var office = await app.StaffAsync("plan-year-office", password, (StaffRole.OpennessOffice, null));
        var client = app.Browser();
        await client.SignInOkAsync(office.UserName!, password);

        const string text = "一、公开\n1.做好专项公开。（区财政局负责落实）\n";
        var parsed = await client.SubmitAsync("/admin/plans/import", [new("Pasted", text)], "/admin/plans/import?handler=Parse");
        Assert.Equal(HttpStatusCode.OK, parsed.StatusCode);
        var html = await parsed.Content.ReadAsStringAsync();
        var year = YearField().Matches(html).Select(m => m.Groups[1].Value + m.Groups[2].Value).Where(v => v.Length > 0).Distinct().ToList();
        Assert.Equal(["2027"], year);
    }
}

public sealed class PlanImportYearTests_Sqlite(ClockedSqliteApp app) : PlanImportYearTests<ClockedSqliteApp>(app);

public sealed class PlanImportYearTests_Postgres(ClockedPostgresApp app) : PlanImportYearTests<ClockedPostgresApp>(app);
