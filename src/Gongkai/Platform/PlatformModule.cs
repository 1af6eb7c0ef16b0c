using Gongkai.Platform.Jobs;
using Gongkai.Platform.Notifications;
using System.Globalization;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Caching;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.Portal;
using Gongkai.Platform.Staff;
using Gongkai.Platform.Tokens;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform;

/// <summary>
/// The platform below every module: database, organisation, staff and permissions, audit log,
/// working-day calendar, API tokens and the portal shell.
/// </summary>
public static class PlatformModule
{
    public const string StaffPolicy = "Staff";
    public const string ApiPolicy = "ApiToken";

    public static WebApplicationBuilder AddPlatformModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        // --- static assets (issue 16): a build's output (dotnet run, tests, bench runs from bin/) serves its assets as a
        // publish does, compressed and kept a year under the fingerprinted URL. MapStaticAssets would otherwise treat a
        // build manifest as a developer's: no-cache, and files re-read and gzipped on the fly even for an endpoint built
        // as brotli (sent labelled br: the browser cannot read it). ReloadStaticAssetsAtRuntime=true restores that.
        // Outside Development the compressed copies are found through the build's runtime manifest, as Development does
        // by itself (a publish has them in wwwroot and no runtime manifest: nothing changes).
        if (configuration["ReloadStaticAssetsAtRuntime"] is null)
        {
            configuration["ReloadStaticAssetsAtRuntime"] = "false";
            if (!builder.Environment.IsDevelopment())
            {
                Microsoft.AspNetCore.Hosting.StaticWebAssets.StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, configuration);
            }
        }

        // --- end static assets ---

        services.AddSingleton(TimeProvider.System);
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection("Site"))
            .Validate(o => o.HasValidBaseUrl(), "配置 Site:BaseUrl 必须是门户的完整公开地址，如 https://gongkai.example.gov.cn（不含查询参数）。")
            .ValidateOnStart();
        services.AddOptions<EnglishSiteOptions>().Bind(configuration.GetSection("Site:English"));
        services.AddTransportSecurity(configuration);
        services.AddSingleton<Documents.DocumentFonts>();
        services.AddSingleton<Documents.PdfWriter>();
        services.AddHttpContextAccessor();
        services.AddGongkaiDatabase(configuration);
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditCatalogue>();
        services.AddAuditActions("平台", typeof(PlatformAuditActions));
        services.AddScoped<Files.SweepFiles>();
        services.AddScoped<StaffAccess>();
        services.AddScoped<StaffAdministration>();
        services.AddScoped<ManageStaff>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<AdminBootstrap>();
        services.AddScoped<SaveOrgan>();
        services.AddScoped<DemoOrganisation>();
        services.AddMemoryCache();
        services.AddSingleton<PortalSummary>();
        services.AddPlatformPortal(); // issue 16: portal columns, 网站找错
        services.AddSingleton<ReadinessProbe>();
        services.AddPlatformWorkList();
        services.AddScoped<ApiTokens>();
        services.AddSingleton<CalendarStore>();
        services.AddScoped<LoadYearSchedule>();
        services.AddScoped<SetLocalDay>();
        services.AddHostedService<Search.SearchIndexAtStart>();
        // Search answers reused while the index's version (in the database) is unchanged (issue 16, Platform/Search).
        services.AddSingleton<Search.ISearchVersion, Search.DatabaseSearchVersion>();
        services.AddSingleton<Search.ISearchResultCache>(configuration.GetValue("Search:ResultCache", true)
            ? new Search.MemorySearchResultCache()
            : new Search.NoSearchResultCache());
        services.AddJobRunner(configuration);
        // issue 16: notifications (outbox, delivery job, e-mail and SMS channels)
        services.AddNotifications(configuration);

        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // Password failures are not counted by Identity (anyone could lock an account): SignInThrottle delays instead.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<GongkaiDb>()
            .AddSignInManager<StaffSignInManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<StaffPasswordValidator>();

        // /api reads only the bearer token, pages only the sign-in cookie, so a cookie can never drive the API.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Gongkai";
                o.DefaultChallengeScheme = "Gongkai";
            })
            .AddPolicyScheme("Gongkai", "Gongkai", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? BearerTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "gk.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Instead of Identity's stamp check once a minute: the stamp on every request (SessionCheck).
            o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser());

        // The key ring lives in the database (shared by every node); each key's secret is wrapped under the master key
        // kept outside it (Keys/MasterKeys), so a copy of the database alone decrypts nothing.
        services.AddSingleton<Keys.MasterKeys>();
        services.AddSingleton<Keys.IKeyWrap, Keys.AesGcmKeyWrap>();
        services.AddScoped<Keys.KeyRingGuard>();
        services.AddScoped<Keys.RotateKeys>();
        services.AddDataProtection()
            .SetApplicationName("Gongkai")
            .PersistKeysToDbContext<GongkaiDb>();
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<Keys.MasterKeys, Keys.IKeyWrap>((o, keys, wrap) => o.XmlEncryptor = new Keys.MasterKeyXmlEncryptor(keys, wrap));

        // Languages: zh-CN, and English under /en (Platform/Web/Languages.cs); texts in Resources/SharedResource.<culture>.resx.
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o => o.ConfigureLanguages());
        services.AddModulePages(StaffPolicy)
            .AddViewLocalization()
            .AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new InputDates.ModelBinderProvider()));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "gk.csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__csrf";
        });

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new InputDates.JsonConverter());
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "公开 Gongkai API";
            doc.Info.Description = "政务公开一体化平台接口。写操作需在请求头中携带个人接口令牌：Authorization: Bearer gk_…";
            return Task.CompletedTask;
        }));
        services.AddPublicFormRateLimits(configuration);
        // --- public page cache (issue 16): content counters and the output cache, Platform/Caching ---
        services.AddPublicPageCache(configuration);
        return builder;
    }

    /// <summary>Applies migrations and loads the shipped calendar and, unless switched off, the demo organisation.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GongkaiDb>();
        await db.MigrateDatabaseAsync(ct);

        await Search.SearchIndex.For(db).EnsureSchemaAsync(db, ct);

        sp.GetRequiredService<CurrentActor>().ActAs("系统初始化");
        await sp.GetRequiredService<Keys.KeyRingGuard>().EnsureAsync(ct);

        var loaded = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        foreach (var schedule in ShippedSchedules.All.Where(s => !loaded.Contains(s.Year)))
        {
            await sp.GetRequiredService<LoadYearSchedule>().HandleAsync(schedule, ct);
        }

        if (configuration.GetValue("Demo:Organisation", true))
        {
            await sp.GetRequiredService<DemoOrganisation>().EnsureAsync(ct);
        }
    }

    /// <summary>
    /// The schema step of <see cref="PrepareDatabaseAsync(IServiceProvider, IConfiguration, CancellationToken)"/>: applies
    /// the migrations not yet applied (none on a restart). The tests also migrate their template database with it once
    /// per run (tests/Gongkai.Tests/Infrastructure/MigratedTemplate.cs).
    /// </summary>
    public static async Task MigrateDatabaseAsync(this GongkaiDb db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            // Write-ahead log: readers no longer wait for a writer and a commit is one append (kept in the file itself).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        // MigrateAsync also takes the migration lock and diffs the model against the snapshot (EF 9+), which
        // costs about 150 ms of CPU on every start; a restart with nothing to apply only needs the history table.
        // Any start with a migration to apply (an empty database, every upgrade) still goes through MigrateAsync.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            // A migration may rewrite a large table and build its indexes (SearchPartitions: minutes at a million rows).
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
            await db.Database.MigrateAsync(ct);
            db.Database.SetCommandTimeout(timeout);
        }
    }

    /// <summary>Web start-up: prepare the database, then create the administrator and say how to sign in.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.PrepareDatabaseAsync(app.Configuration);
        using var scope = app.Services.CreateScope();
        var password = await scope.ServiceProvider.GetRequiredService<AdminBootstrap>()
            .EnsureAsync(app.Configuration["GONGKAI_ADMIN_PASSWORD"]);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var url = (app.Urls.FirstOrDefault() ?? "http://localhost:5080").TrimEnd('/');
            Console.WriteLine($"公开 Gongkai 已启动：{url}/  后台登录：{url}/account/login");
            if (password is not null && string.IsNullOrEmpty(app.Configuration["GONGKAI_ADMIN_PASSWORD"]))
            {
                InitialPasswordNotice.Tell(password, app.Configuration, !Console.IsOutputRedirected, Console.Out);
            }
        });
    }

    public static WebApplication MapPlatformModule(this WebApplication app)
    {
        app.UseForwardedScheme();
        app.UseGongkaiErrorHandling();
        app.UseTransportSecurity();
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        // --- public page cache (issue 16): after the culture is known, before routing and authentication ---
        app.UsePublicPageCache();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMustChangePassword();
        app.UseAntiforgery();

        // --- static assets (issue 16): wwwroot compressed (br, gzip) and fingerprinted at build, from the manifest;
        // a fingerprinted URL is immutable for a year, the plain one revalidates (ETag). The layouts' ~/ links resolve
        // to the fingerprinted URLs through WithStaticAssets below. ---
        app.MapStaticAssets();
        app.MapHealthEndpoints();
        app.MapOpenApi();
        app.MapApiReference();
        app.MapPlatformApi();
        app.MapPreferenceEndpoints();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
