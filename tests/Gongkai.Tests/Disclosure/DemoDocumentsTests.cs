using System.Net;
using System.Text.Json;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Demo;
using Gongkai.Disclosure.Documents;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Disclosure;

/// <summary>
/// Generated demo documents go in through the bulk path yet behave exactly like documents published one by one:
/// searchable, in the catalogue, withdrawable, with 索引号 that later documents continue.
/// </summary>
public abstract class DemoDocumentsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    private async Task<DemoDocuments.Result> GenerateAsync(int count, int seed, int batch)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DemoDocuments>().GenerateAsync(count, seed, batch);
    }

    private async Task<List<string>> SearchIdsAsync(string query)
    {
        var response = await app.Browser().GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}&pageSize=50");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
    }

    [Fact]
    public async Task Generated_documents_are_published_searchable_withdrawable_and_numbered_on()
    {
        var result = await GenerateAsync(120, 5, 50);
        Assert.Equal((120, 3), (result.Documents, result.Batches));
        Assert.True(result.Sections >= 120, $"{result.Sections} index sections");

        var docs = await app.WithDbAsync(db => db.Documents.AsNoTracking().ToListAsync());
        Assert.Equal(120, docs.Count(d => d.Status == DocumentStatus.Published));
        var batches = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "document.demo.generate"));
        Assert.Equal(3, batches);

        // Every generated document is found by its own title, as a citizen would type it.
        var sample = docs.OrderBy(d => d.IndexNumber).Where((_, i) => i % 15 == 0).ToList();
        foreach (var doc in sample)
        {
            Assert.Contains(doc.Id.ToString(), await SearchIdsAsync(doc.Title));
        }

        var page = await app.Browser().GetStringAsync(DocumentSearch.Url(sample[0].Id));
        Assert.Contains(sample[0].IndexNumber!, page);

        // Withdrawal removes a bulk-written index row like any other.
        await app.WithdrawAsync(sample[1].Id);
        Assert.DoesNotContain(sample[1].Id.ToString(), await SearchIdsAsync(sample[1].Title));

        // A second run continues the 索引号 of each organ and year instead of repeating them.
        await GenerateAsync(60, 5, 1_000);
        var numbers = await app.WithDbAsync(db => db.Documents.Select(d => d.IndexNumber).ToListAsync());
        Assert.Equal(180, numbers.Count);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());

        // Start-up generation only fills an empty database.
        Assert.Null(await DemoDocumentsAtStart.GenerateIfEmptyAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), 10, 1, CancellationToken.None));
    }

    [Fact]
    public async Task A_count_out_of_range_is_refused_and_nothing_is_written()
    {
        var before = await app.WithDbAsync(db => db.Documents.CountAsync());
        var error = await Assert.ThrowsAsync<Gongkai.Platform.ValidationFailure>(() => GenerateAsync(0, 1, 10));
        Assert.Contains("生成数量应为1到", error.Message);
        Assert.Equal(before, await app.WithDbAsync(db => db.Documents.CountAsync()));
    }
}

public sealed class DemoDocumentsTests_Sqlite(SqliteApp app) : DemoDocumentsTests<SqliteApp>(app);

public sealed class DemoDocumentsTests_Postgres(PostgresApp app) : DemoDocumentsTests<PostgresApp>(app);
