using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform;

/// <summary>
/// Every page has its own title (issue 16 item 6, WCAG 2.4.2): no two pages — public or staff — share one, staff pages
/// say 工作台, a refused form's title starts with "错误：", a receipt's title says it is a receipt.
/// </summary>
public abstract partial class PageTitleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex Title();

    [Fact]
    public async Task Every_page_without_parameters_has_a_title_of_its_own_and_staff_pages_say_so()
    {
        var client = app.Browser();
        await client.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var paths = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(p => !p.Contains('{') && p != "/account/logout")
            .Distinct()
            .Order()
            .ToList();
        Assert.True(paths.Count > 30, $"only {paths.Count} pages found");

        var titles = new Dictionary<string, List<string>>();
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var match = Title().Match(await response.Content.ReadAsStringAsync());
            Assert.True(match.Success, $"{path} has no <title>");
            var title = WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
            if (path.StartsWith("/admin", StringComparison.Ordinal))
            {
                Assert.Contains("工作台", title);
            }

            titles.TryAdd(title, []);
            titles[title].Add(path);
        }

        Assert.True(titles.Count > 30, $"only {titles.Count} titles collected");
        var duplicates = titles.Where(t => t.Value.Count > 1).Select(t => $"“{t.Key}”: {string.Join(", ", t.Value)}").ToList();
        Assert.True(duplicates.Count == 0, "pages sharing a title:\n" + string.Join("\n", duplicates));
    }

    [Fact]
    public async Task A_refused_form_says_so_in_the_title_and_lists_every_error_with_its_field_marked()
    {
        var client = app.Browser();
        var form = await client.GetStringAsync("/requests/new");
        var before = WebUtility.HtmlDecode(Title().Match(form).Groups[1].Value);
        Assert.DoesNotContain("错误", before);

        var response = await client.SubmitAsync("/requests/new", [new("Input.Phone", "12"), new("Input.SubmissionKey", Guid.NewGuid().ToString("N"))]);
        var html = await response.Content.ReadAsStringAsync();
        var title = WebUtility.HtmlDecode(Title().Match(html).Groups[1].Value);
        Assert.StartsWith("错误：", title);
        Assert.Contains("id=\"error-summary\"", html);
        Assert.Contains("tabindex=\"-1\"", html);
        foreach (var field in new[] { "OrganId", "ApplicantType", "ApplicantName", "IdDocumentType", "IdNumber", "Phone", "InformationWanted", "Form", "Delivery" })
        {
            Assert.Contains($"href=\"#Input_{field}\"", html);
            Assert.Matches($"<(input|select|textarea) id=\"Input_{field}\"[^>]*aria-invalid=\"true\"", html);
            Assert.Matches($"<(input|select|textarea) id=\"Input_{field}\"[^>]*aria-describedby=\"Input_{field}-error", html);
            Assert.Contains($"id=\"Input_{field}-error\"", html);
        }

        Assert.DoesNotMatch("<input id=\"Input_DocumentNumber\"[^>]*aria-invalid", html);
        Assert.Contains("value=\"12\"", html);
    }
}

public sealed class PageTitleTests_Sqlite(SqliteApp app) : PageTitleTests<SqliteApp>(app);

public sealed class PageTitleTests_Postgres(PostgresApp app) : PageTitleTests<PostgresApp>(app);
