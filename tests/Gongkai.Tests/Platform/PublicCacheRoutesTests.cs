using Gongkai.Platform.Caching;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform;

public sealed class PublicCacheRoutesTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/documents/0195", "/documents/*")]
    [InlineData("/documents/0195/", "/documents/*")]
    [InlineData("/catalogue", "/catalogue/**")]
    [InlineData("/catalogue/XC001", "/catalogue/**")]
    [InlineData("/feeds/consultations.rss", "/feeds/consultations.*")]
    [InlineData("/feeds/all.rss", "/feeds/**")]
    [InlineData("/consultations/0195", "/consultations/**")]
    [InlineData("/sitemap.xml", "/sitemap.xml")]
    public void A_public_page_finds_its_rule(string path, string pattern) => Assert.Equal(pattern, PublicCacheRoutes.Match(path)?.Pattern);

    [Theory]
    [InlineData("/documents/0195/attachments/0196")]
    [InlineData("/documents")]
    [InlineData("/documents/")]
    [InlineData("/consultations/0195/comment")]
    [InlineData("/consultations/receipt")]
    [InlineData("/requests/track")]
    [InlineData("/requests/new")]
    [InlineData("/admin")]
    [InlineData("/admin/documents")]
    [InlineData("/account/login")]
    [InlineData("/search")]
    [InlineData("/api/v1/search")]
    [InlineData("/cataloguex")]
    [InlineData("")]
    public void Other_paths_are_never_cached(string path) => Assert.Null(PublicCacheRoutes.Match(path));
}

/// <summary>Every entity type says whether the public sees it, so no change is missed and none costs more than it should.</summary>
public sealed class PublicContentDeclarationsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_entity_type_is_declared_public_or_private()
    {
        var catalogue = app.Services.GetRequiredService<PublicContentCatalogue>();
        var undeclared = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && !catalogue.IsDeclared(t.ClrType)).Select(t => t.ClrType.Name).Order().ToList()));
        Assert.True(undeclared.Count == 0, "declare with AddPublicContent/AddPrivateContent in the module's *Content.cs: " + string.Join(", ", undeclared));
    }

    [Fact]
    public async Task Saving_a_draft_raises_nothing_and_publishing_raises_documents()
    {
        var versions = app.Services.GetRequiredService<ContentVersions>();
        var before = (await versions.CurrentAsync()).VersionOf(ContentTags.Documents);
        await app.PublishAsync(new Publishing.Doc("计数草稿", Publish: false));
        Assert.Equal(before, (await versions.CurrentAsync()).VersionOf(ContentTags.Documents));
        await app.PublishAsync(new Publishing.Doc("计数发布"));
        Assert.True((await versions.CurrentAsync()).VersionOf(ContentTags.Documents) > before);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ContentVersion>().CountAsync(v => v.Version < 1)));
    }
}
