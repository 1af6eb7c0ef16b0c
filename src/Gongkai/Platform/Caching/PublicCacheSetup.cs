using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Search;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Tokens;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Platform.Caching;

/// <summary>Registers the public page cache and the content counters it trusts (docs/ARCHITECTURE.md §Public page cache).</summary>
public static class PublicCacheSetup
{
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicCacheOptions>().Bind(configuration.GetSection("PublicCache"));
        services.AddSingleton<PublicContentCatalogue>();
        services.AddSingleton<ContentChangeTracking>();
        services.AddSingleton<ContentVersions>(_ => DatabaseSetup.ProviderName(configuration) == DatabaseSetup.Postgres
            ? new PostgresContentVersions(configuration.GetConnectionString("Gongkai")!)
            : new SqliteContentVersions(DatabaseSetup.SqliteConnectionString(configuration)));
        services.AddSingleton<PublicPageCache>();
        return services
            .AddPublicContent([ContentTags.Organs], typeof(Organ), typeof(OrganAlias))
            .AddPrivateContent(typeof(ContentVersion), typeof(AuditEvent), typeof(CalendarYear), typeof(CalendarDayEntry), typeof(ApiToken),
                typeof(DataProtectionKey), typeof(RoleAssignment), typeof(SignInThrottleEntry), typeof(JobRun), typeof(SearchEntry), typeof(SearchIndexVersion), typeof(StaffUser),
                typeof(Notifications.Notification), typeof(SiteErrors.SiteErrorReport),
                typeof(IdentityUserClaim<string>), typeof(IdentityUserLogin<string>), typeof(IdentityUserToken<string>));
    }

    /// <summary>Before routing, authentication and the page: a page served from memory costs none of them.</summary>
    public static IApplicationBuilder UsePublicPageCache(this IApplicationBuilder app)
    {
        var cache = app.ApplicationServices.GetRequiredService<PublicPageCache>();
        return app.Use(next => context => cache.InvokeAsync(context, next));
    }
}
