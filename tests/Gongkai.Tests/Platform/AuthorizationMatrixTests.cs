using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gongkai.Platform.Staff;
using Gongkai.Requests;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform;

/// <summary>
/// The authorization matrix, generated from the application's own endpoint list: every /admin Razor page with each
/// of its handlers and every token-protected /api/v1 operation, × every staff role held in organ A (区民政局) × the
/// other organ's records / the own organ's / anonymous. Another organ's record answers 401/403/404 (or the sign-in
/// or denied page), and a marker planted in the other organ's records never appears in any answer. A new route is
/// covered as soon as it exists; one whose parameters can neither be derived nor are listed below fails the test.
/// </summary>
public abstract class AuthorizationMatrixTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp, IClockedApp
{
    private const string Marker = "zqxmarkerb";
    private const string Password = "Matrix-pass-2026";

    /// <summary>Parameters no record of the other organ is arranged for: an id that exists nowhere must still answer 404.</summary>
    private static readonly Dictionary<string, string> Unarranged = new()
    {
        ["admin/interpretations/edit/{id:guid?}"] = "id",
        ["admin/plans/import/{id:guid?}"] = "id",
        ["admin/plans/{id:guid}"] = "id",
        ["admin/plans/tasks/{id:guid}"] = "id",
        ["/api/v1/admin/plans/tasks/{taskId:guid}/progress"] = "taskId",
        ["/api/v1/admin/requests/{id:guid}/appeals/{appealId:guid}/result"] = "appealId",
        ["/api/v1/admin/requests/{id:guid}/sent-letters/{letterId:guid}"] = "letterId",
    };

    /// <summary>Routes whose parameter names no organ's record (district-wide settings): filled with an existing value.</summary>
    private static readonly Dictionary<string, string> DistrictWide = new()
    {
        ["admin/requests/templates/{key}"] = "key",
    };

    private sealed record Route(string Template, string Method, string? Handler, bool IsPage);

    private sealed record Records(Guid OrganA, Guid OrganB, string CodeB, Guid RequestB, Guid DocumentB, Guid ConsultationB, StaffUser StaffB, string TemplateKey);

    [Fact]
    public async Task Every_admin_route_refuses_other_organs_records_and_anonymous_visitors()
    {
        app.Clock.SetDay("2026-11-02");
        var routes = await RoutesAsync();
        Assert.Contains(routes, r => r.Template.StartsWith("admin/staff/edit") && r.Handler == "Unlock");
        Assert.Contains(routes, r => r.Template == "/api/v1/admin/staff/{userName}/password");
        var records = await ArrangeAsync();
        var failures = new List<string>();

        var anonymous = app.Browser();
        foreach (var route in routes)
        {
            var response = await SendAsync(anonymous, route, Fill(route, records, failures), null);
            var location = response.Headers.Location?.ToString() ?? "";
            var ok = route.IsPage
                ? response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/login")
                : response.StatusCode == HttpStatusCode.Unauthorized;
            if (!ok)
            {
                failures.Add($"anonymous {route.Method} {route.Template} ?handler={route.Handler}: {(int)response.StatusCode} {location}");
            }
        }

        foreach (var role in StaffRoles.All)
        {
            var user = await app.StaffAsync("mx-" + role.ToString().ToLowerInvariant(), Password, (role, role == StaffRole.SystemAdministrator ? null : records.OrganA));
            var page = app.Browser();
            await page.SignInOkAsync(user.UserName!, Password);
            var csrf = await page.CsrfTokenAsync("/account/password");
            var api = app.Browser();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(user.Id));
            var seesAll = role == StaffRole.SystemAdministrator;
            foreach (var route in routes)
            {
                var url = Fill(route, records, failures);
                var response = await SendAsync(route.IsPage ? page : api, route, url, csrf);
                var body = await response.Content.ReadAsStringAsync();
                var what = $"{role} {route.Method} {url}";
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{what}: {(int)response.StatusCode}");
                    continue;
                }

                if (seesAll)
                {
                    continue;
                }

                if (body.Contains(Marker, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{what}: shows the other organ's data");
                }

                if (url.Contains(records.OrganB.ToString()) || url.Contains(records.CodeB) || url.Contains(records.RequestB.ToString())
                    || url.Contains(records.DocumentB.ToString()) || url.Contains(records.ConsultationB.ToString()) || url.Contains(records.StaffB.Id)
                    || url.Contains(records.StaffB.UserName!) || Unarranged.ContainsKey(route.Template))
                {
                    var location = response.Headers.Location?.ToString() ?? "";
                    var refused = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                        || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/account/denied") || location.Contains("/account/login")));
                    if (!refused)
                    {
                        failures.Add($"{what}: {(int)response.StatusCode} {location} for another organ's record");
                    }
                }
            }

            // The own organ's pages open (or refuse) without error and without the other organ's data: the lists above.
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of the matrix:\n" + string.Join("\n", failures.Distinct().Take(80)));
    }

    private async Task<List<Route>> RoutesAsync()
    {
        var routes = new List<Route>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var seenPages = new HashSet<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().OrderBy(e => e.RoutePattern.RawText!.Length))
        {
            var template = endpoint.RoutePattern.RawText ?? "";
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                if (!template.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || !seenPages.Add(descriptor.ViewEnginePath))
                {
                    continue;
                }

                var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    routes.Add(new Route(template, handler.HttpMethod.ToUpperInvariant(), handler.Name, true));
                }

                continue;
            }

            if (template.StartsWith("/api/v1/", StringComparison.Ordinal)
                && (template.StartsWith("/api/v1/admin", StringComparison.Ordinal) || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0))
            {
                foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                {
                    routes.Add(new Route(template, method, null, false));
                }
            }
        }

        Assert.True(routes.Count(r => r.IsPage) > 60 && routes.Count(r => !r.IsPage) > 15, $"only {routes.Count} routes found");
        return routes;
    }

    private async Task<Records> ArrangeAsync()
    {
        var a = (await app.OrganAsync("区民政局")).Id;
        var organB = await app.OrganAsync("区财政局");
        var staffB = await app.StaffAsync(Marker + "-staff", Password, (StaffRole.Editor, organB.Id));
        var filed = await app.CreateClient().PostAsJsonAsync("/api/v1/requests", new
        {
            organId = organB.Id, applicantType = "NaturalPerson", applicantName = Marker + "申请人", idDocumentType = "ResidentIdCard",
            idNumber = "110102199003070026", phone = "13900139000", informationWanted = Marker + " 本区财政补贴发放情况",
            form = "Electronic", delivery = "Email", email = "b@example.cn",
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var number = (await filed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("trackingNumber").GetString();
        var requestB = await app.WithDbAsync(db => db.DisclosureRequests.Where(r => r.TrackingNumber == number).Select(r => r.Id).SingleAsync());
        var documentB = await app.PublishAsync(new Publishing.Doc(Marker + " 财政局草稿", Organ: "区财政局", Publish: false));
        var consultationB = await Gongkai.Tests.Policy.ConsultationKit.OpenAsync(app, Marker + " 财政局征求意见稿", "2026-11-10 09:00", "2026-12-10 17:00", organ: "区财政局", announce: false);
        return new Records(a, organB.Id, organB.Code, requestB, documentB, consultationB.Id, staffB, await TemplateKeyAsync());
    }

    private async Task<string> TemplateKeyAsync()
    {
        var html = await AdminPageAsync("/admin/requests/templates");
        var match = System.Text.RegularExpressions.Regex.Match(html, "href=\"/admin/requests/templates/([^\"/?]+)\"");
        Assert.True(match.Success, "no letter template listed");
        return match.Groups[1].Value;
    }

    private async Task<string> AdminPageAsync(string url)
    {
        var client = app.Browser();
        await client.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        return await client.GetStringAsync(url);
    }

    /// <summary>The route with its parameters filled with the other organ's records; a parameter nothing provides is a failure.</summary>
    private static string Fill(Route route, Records r, List<string> failures)
    {
        var segments = route.Template.TrimStart('/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
            {
                continue;
            }

            var name = segments[i].Trim('{', '}').Split(':', '?')[0].TrimEnd('?');
            var resource = i > 0 && segments[i - 1] == "edit" ? segments[i - 2] : i > 0 ? segments[i - 1] : "";
            string? value = name switch
            {
                "organId" => r.OrganB.ToString(),
                "organCode" => r.CodeB,
                "year" => "2026",
                "userName" => r.StaffB.UserName,
                "id" => resource switch
                {
                    "requests" => r.RequestB.ToString(),
                    "documents" => r.DocumentB.ToString(),
                    "consultations" => r.ConsultationB.ToString(),
                    "staff" => r.StaffB.Id,
                    "organs" => r.OrganB.ToString(),
                    _ => null,
                },
                _ => null,
            };
            if (value is null && Unarranged.TryGetValue(route.Template, out var unarranged) && unarranged == name)
            {
                value = Guid.NewGuid().ToString();
            }

            if (value is null && DistrictWide.TryGetValue(route.Template, out var setting) && setting == name)
            {
                value = r.TemplateKey;
            }

            if (value is null)
            {
                failures.Add($"{route.Template}: parameter {{{name}}} is neither derived from the other organ's records nor listed in the matrix's tables");
                value = Guid.NewGuid().ToString();
            }

            segments[i] = value;
        }

        var url = "/" + string.Join('/', segments);
        return route.Handler is null ? url : url + "?handler=" + route.Handler;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Route route, string url, string? csrf)
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
        if (route.Method != "GET")
        {
            request.Content = route.IsPage
                ? new FormUrlEncodedContent(csrf is null ? [] : [new KeyValuePair<string, string>("__csrf", csrf)])
                : JsonContent.Create(new { });
        }

        return client.SendAsync(request);
    }
}

public sealed class AuthorizationMatrixTests_Sqlite(ClockedSqliteApp app) : AuthorizationMatrixTests<ClockedSqliteApp>(app);

public sealed class AuthorizationMatrixTests_Postgres(ClockedPostgresApp app) : AuthorizationMatrixTests<ClockedPostgresApp>(app);
