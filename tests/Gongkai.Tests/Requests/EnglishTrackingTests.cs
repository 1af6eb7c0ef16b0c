using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Requests;

/// <summary>
/// /en/requests/track on both databases: linked from the English layout and the English receipt, paired with
/// /requests/track by hreflang, it looks a request up with the same number and 查询码 and shows the same request in English;
/// a wrong code is refused in English and reveals nothing.
/// </summary>
public abstract partial class EnglishTrackingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    [GeneratedRegex("id=\"tracking-number\">([^<]+)<")]
    private static partial Regex TrackingNumber();

    [GeneratedRegex("id=\"secret\">([^<]+)<")]
    private static partial Regex Secret();

    [GeneratedRegex("name=\"Input.SubmissionKey\" value=\"([0-9a-f]+)\"")]
    private static partial Regex SubmissionKey();

    [Fact]
    public async Task An_English_applicant_follows_the_request_in_English()
    {
        var client = app.Browser();
        var form = await client.GetStringAsync("/en/request");
        Assert.Contains("href=\"/en/requests/track\"", form);
        var organ = await app.OrganAsync("区民政局");
        var filed = await client.SubmitAsync("/en/request",
        [
            new("Input.SubmissionKey", SubmissionKey().Match(form).Groups[1].Value),
            new("Input.OrganId", organ.Id.ToString()),
            new("Input.ApplicantType", "NaturalPerson"),
            new("Input.ApplicantName", "Jane Tracker"),
            new("Input.IdDocumentType", "ResidentIdCard"),
            new("Input.IdNumber", "110102199003070026"),
            new("Input.Phone", "+44 20 7946 0958"),
            new("Input.Email", "tracker@example.org"),
            new("Input.InformationWanted", "Annual budget of the civil affairs bureau for 2026"),
            new("Input.Form", "Electronic"),
            new("Input.Delivery", "Email"),
        ]);
        var receipt = (await filed.Content.ReadAsStringAsync()).Text();
        var number = TrackingNumber().Match(receipt).Groups[1].Value;
        var secret = Secret().Match(receipt).Groups[1].Value;
        Assert.NotEmpty(number);
        Assert.Contains("href=\"/en/requests/track\"", receipt);

        var page = await client.GetAsync("/en/requests/track");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var empty = (await page.Content.ReadAsStringAsync()).Text();
        Assert.Contains("<html lang=\"en\">", empty);
        Assert.Contains("<h1>Track your request</h1>", empty);
        Assert.Matches("hreflang=\"zh-CN\" href=\"[^\"]*/requests/track\"", empty);
        Assert.Matches("hreflang=\"en\" href=\"[^\"]*/en/requests/track\"", empty);
        Assert.Contains("<a href=\"/en/requests/track\" aria-current=\"page\">", empty);
        Assert.Contains("href=\"/en/requests/track\"", (await client.GetStringAsync("/en")).Text());

        var tracked = (await (await client.SubmitAsync("/en/requests/track", [new("TrackingNumber", number), new("Secret", secret)])).Content.ReadAsStringAsync()).Text();
        Assert.Contains($"id=\"tracked-number\">{number}<", tracked);
        Assert.Contains("id=\"stage\">Received, waiting to be handled<", tracked);
        Assert.Contains("Request received", tracked);
        Assert.Contains("How the reply deadline is calculated", tracked);
        Assert.Contains("class=\"explanation\" lang=\"zh-CN\"", tracked);
        Assert.DoesNotContain("办理阶段", tracked);
        Assert.DoesNotContain("Jane Tracker", tracked);

        var wrong = (await (await client.SubmitAsync("/en/requests/track", [new("TrackingNumber", number), new("Secret", "AAAA-BBBB-CCCC")])).Content.ReadAsStringAsync()).Text();
        Assert.Contains("The tracking number or access code is not correct.", wrong);
        Assert.DoesNotContain("id=\"tracked-number\"", wrong);
    }
}

public sealed class EnglishTrackingTests_Sqlite(SqliteApp app) : EnglishTrackingTests<SqliteApp>(app);

public sealed class EnglishTrackingTests_Postgres(PostgresApp app) : EnglishTrackingTests<PostgresApp>(app);
