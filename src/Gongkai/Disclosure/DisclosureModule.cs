using Gongkai.Disclosure.Demo;
using Gongkai.Disclosure.Documents;
using Gongkai.Disclosure.Feeds;
using Gongkai.Disclosure.Portal;
using Gongkai.Disclosure.Review;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Files;
using Gongkai.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Gongkai.Disclosure;

/// <summary>主动公开: documents with review and the personal-data scan, publication, search, catalogue and feeds.</summary>
public static class DisclosureModule
{
    public static WebApplicationBuilder AddDisclosureModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddDisclosureContent(); // what its public pages show (Platform/Caching)
        services.Configure<MaskingRules>(builder.Configuration.GetSection("Masking"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MaskingRules>>().Value);
        services.AddSingleton<FileStore>();
        services.AddSingleton<DocumentCache>();
        services.AddScoped<IndexNumbers>();
        services.AddScoped<DocumentFinder>();
        services.AddScoped<SaveDraft>();
        services.AddScoped<ManageAttachments>();
        services.AddScoped<ScanDocument>();
        services.AddScoped<SubmitDocument>();
        services.AddScoped<ResolveFinding>();
        services.AddScoped<ReviewDocument>();
        services.AddScoped<PublishDocument>();
        services.AddScoped<WithdrawDocument>();
        services.AddScoped<ChangeValidity>();
        services.AddScoped<ReviseDocument>();
        services.AddScoped<SetEnglishVersion>();
        services.AddScoped<EnglishDocuments>();
        services.AddScoped<PublishGeneratedDocument>();
        services.AddScoped<DocumentSearch>();
        services.AddScoped<PublishedDocuments>();
        services.AddScoped<DocumentPages>();
        services.AddScoped<Catalogue.DocumentCatalogue>();
        services.AddScoped<Guide.Guides>();
        services.AddScoped<Feeds.DocumentFeeds>();
        services.AddScoped<Feeds.Sitemap>();
        services.AddSingleton<ScheduledPublisher>();
        services.AddDailyJob<ScheduledPublicationJob>(automatic: builder.Configuration.GetValue("Disclosure:ScheduledPublishing", true));

        services.AddScoped<RebuildDocumentIndex>();
        services.AddScoped<Platform.Search.IIndexedRecords>(sp => sp.GetRequiredService<RebuildDocumentIndex>());
        services.AddScoped<DemoDocuments>();
        services.AddHostedService<DemoDocumentsAtStart>();
        services.AddDisclosureWorkList();
        services.AddAuditActions("主动公开", typeof(DisclosureAuditActions));
        services.AddDisclosurePortal(); // issue 16: columns, home lists, organ pages, annual reports
        return builder;
    }

    public static WebApplication MapDisclosureModule(this WebApplication app)
    {
        app.MapDisclosureApi();
        app.MapDisclosurePublic();
        app.MapDocumentFeeds();
        return app;
    }
}
