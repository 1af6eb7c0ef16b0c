using System.Security.Claims;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Infrastructure;

/// <summary>
/// Test arrangement: documents drafted, reviewed and published (or withdrawn, or marked 废止) through the real use
/// cases, acting as the administrator, so the public pages see exactly what the staff side would produce.
/// </summary>
public static class Publishing
{
    public sealed record Doc(
        string Title,
        string Organ = "区民政局",
        string Category = "民政、扶贫、救灾\\社会福利",
        InformationType Type = InformationType.PolicyDocument,
        string Body = "<p>正文内容。</p>",
        string? Number = null,
        string? Summary = null,
        string? Keywords = null,
        string WrittenOn = "2026-11-02",
        DisclosureAttribute Attribute = DisclosureAttribute.Proactive,
        bool Publish = true,
        (string Name, byte[] Content)[]? Attachments = null);

    /// <summary>Runs <paramref name="work"/> in a scope where the current user is the administrator.</summary>
    public static async Task<T> AsAdminAsync<T>(this GongkaiApp app, Func<IServiceProvider, Task<T>> work)
    {
        var adminId = await app.AdminIdAsync();
        using var scope = app.Services.CreateScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, adminId), new Claim(ClaimTypes.Name, "admin")], "Test")),
        };
        try
        {
            return await work(scope.ServiceProvider);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    /// <summary>Drafts the document, attaches its files and, unless told not to, submits, approves and publishes it.</summary>
    public static async Task<Guid> PublishAsync(this GongkaiApp app, Doc d)
    {
        var organ = (await app.OrganAsync(d.Organ)).Id;
        return await app.AsAdminAsync(async sp =>
        {
            var doc = await sp.GetRequiredService<SaveDraft>().CreateAsync(new DocumentInput
            {
                OrganId = organ,
                Title = d.Title,
                DocumentNumber = d.Number,
                SubjectCategory = d.Category,
                InformationType = d.Type,
                WrittenOn = DateOnly.Parse(d.WrittenOn, System.Globalization.CultureInfo.InvariantCulture),
                Attribute = d.Attribute,
                AttributeReason = d.Attribute == DisclosureAttribute.Proactive ? null : "涉及内部事务",
                AttributeLegalBasis = d.Attribute == DisclosureAttribute.Proactive ? null : "《条例》第十六条",
                Summary = d.Summary,
                Keywords = d.Keywords,
                Body = d.Body,
            });
            foreach (var (name, content) in d.Attachments ?? [])
            {
                await sp.GetRequiredService<ManageAttachments>().AddAsync(doc, name, content);
            }

            if (d.Publish && d.Attribute == DisclosureAttribute.Proactive)
            {
                var findings = await sp.GetRequiredService<SubmitDocument>().HandleAsync(doc);
                Assert.Empty(findings);
                await sp.GetRequiredService<ReviewDocument>().ApproveAsync(doc, "保密审查通过");
                await sp.GetRequiredService<PublishDocument>().HandleAsync(doc, null);
            }

            return doc.Id;
        });
    }

    public static Task ChangeValidityAsync(this GongkaiApp app, Guid id, Validity validity, string? on, string? note) =>
        app.AsAdminAsync(async sp =>
        {
            var db = sp.GetRequiredService<Gongkai.Platform.Data.GongkaiDb>();
            var doc = await db.Documents.SingleAsync(x => x.Id == id);
            var day = on is null ? (DateOnly?)null : DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture);
            await sp.GetRequiredService<ChangeValidity>().HandleAsync(doc, validity, day, note);
            return true;
        });

    public static Task WithdrawAsync(this GongkaiApp app, Guid id, string reason = "内容需要更正") =>
        app.AsAdminAsync(async sp =>
        {
            var db = sp.GetRequiredService<Gongkai.Platform.Data.GongkaiDb>();
            var doc = await db.Documents.Include(x => x.Attachments).SingleAsync(x => x.Id == id);
            await sp.GetRequiredService<WithdrawDocument>().HandleAsync(doc, reason);
            return true;
        });

    /// <summary>A minimal file each type check accepts.</summary>
    public static byte[] Pdf(string marker = "") => System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%" + marker + "\n1 0 obj << >> endobj\n%%EOF\n");
}
