using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Staff;
using Gongkai.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Infrastructure;

/// <summary>Arrangement for 依申请公开 handling tests: staff with tokens, an online submission, and the check that a refusal changed nothing.</summary>
internal sealed class RequestTestKit(GongkaiApp app)
{
    private static readonly SemaphoreSlim StaffGate = new(1, 1);

    public sealed record Staff(string Handler, string Head, string Foreign);

    /// <summary>A handler and an office head of 区民政局, a handler of 区财政局, each with an API token (created once per application).</summary>
    public async Task<Staff> StaffAsync()
    {
        await StaffGate.WaitAsync();
        try
        {
            var organ = (await app.OrganAsync("区民政局")).Id;
            var other = (await app.OrganAsync("区财政局")).Id;
            async Task<string> Token(string name, StaffRole role, Guid organId)
            {
                var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == name).Select(u => u.Id).FirstOrDefaultAsync())
                    ?? (await app.StaffAsync(name, "Handling-pass-1", (role, organId))).Id;
                return await app.TokenAsync(id);
            }

            return new(await Token("mz-cbr", StaffRole.RequestHandler, organ), await Token("mz-head", StaffRole.DepartmentAdministrator, organ),
                await Token("cz-cbr", StaffRole.RequestHandler, other));
        }
        finally
        {
            StaffGate.Release();
        }
    }

    public HttpClient Api(string token)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Files an online request through the public API on the clock's day; returns its id and tracking number.</summary>
    public async Task<(Guid Id, string Number, JsonElement Filed)> SubmitAsync(string name)
    {
        var organ = (await app.OrganAsync("区民政局")).Id;
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/requests", new
        {
            organId = organ,
            applicantType = "NaturalPerson",
            applicantName = name,
            idDocumentType = "ResidentIdCard",
            idNumber = "110102199003070026",
            phone = "13900139000",
            informationWanted = "本区2025年养老服务驿站运营补贴发放情况",
            form = "Electronic",
            delivery = "Email",
            email = "a@example.cn",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = await response.Content.ReadFromJsonAsync<JsonElement>();
        var number = filed.GetProperty("trackingNumber").GetString()!;
        var id = await app.WithDbAsync(db => db.DisclosureRequests.Where(r => r.TrackingNumber == number).Select(r => r.Id).SingleAsync());
        return (id, number, filed);
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A refusal: 400 ProblemDetails with the Chinese reason, and the request exactly as before (row and events).</summary>
    public async Task RefusedAsync(Guid id, Func<Task<HttpResponseMessage>> act, string message)
    {
        var before = await SnapshotAsync(id);
        var audits = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.TargetId == id.ToString()));
        var response = await act();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, await SnapshotAsync(id));
        Assert.Equal(audits, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.TargetId == id.ToString())));
    }

    /// <summary>A refusal for want of the role: 403 ProblemDetails with the Chinese reason, and nothing changed.</summary>
    public async Task ForbiddenAsync(Guid id, Func<Task<HttpResponseMessage>> act, string message)
    {
        var before = await SnapshotAsync(id);
        var audits = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.TargetId == id.ToString()));
        var response = await act();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, await SnapshotAsync(id));
        Assert.Equal(audits, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.TargetId == id.ToString())));
    }

    private Task<string> SnapshotAsync(Guid id) => app.WithDbAsync(async db =>
    {
        var r = await db.DisclosureRequests.AsNoTracking().Include(x => x.Events).SingleAsync(x => x.Id == id);
        return $"{r.Stage}|{r.DueOn}|{r.UpdatedAt.UtcTicks}|{r.ProposedOutcome}|{r.ReviewedOn}|{r.Outcome}|{r.AssignedToId}|{r.Events.Count}";
    });

}
