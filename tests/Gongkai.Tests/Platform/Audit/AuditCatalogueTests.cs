using System.Reflection;
using System.Text.RegularExpressions;
using Gongkai.Disclosure.Demo;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Requests;
using Gongkai.Requests.Clock;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Audit;

/// <summary>The catalogue of audit events (docs/ARCHITECTURE.md §The audit rule) and the rule the HTTP suite checks.</summary>
public abstract partial class AuditCatalogueTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GongkaiApp
{
    /// <summary>Every name stored before the catalogue existed: old rows must keep reading as the same event.</summary>
    private static readonly string[] StoredBeforeTheCatalogue =
    [
        "calendar.local.add", "calendar.local.remove", "calendar.year.load",
        "consultation.announce", "consultation.basis", "consultation.comment.answer", "consultation.comment.enter", "consultation.comment.group",
        "consultation.comment.hide", "consultation.comment.publish", "consultation.create", "consultation.decision", "consultation.feedback.publish",
        "consultation.template.create", "consultation.update", "consultation.version",
        "document.attachment.add", "document.create", "document.demo.generate", "document.finding.confirm", "document.finding.mask", "document.publish",
        "document.review.approve", "document.review.return", "document.revise", "document.schedule", "document.schedule.failed", "document.submit",
        "document.update", "document.validity", "document.withdraw", "guide.create", "guide.update",
        "interpretation.create", "interpretation.flag", "interpretation.publish", "interpretation.update", "interpretation.waive", "interpretation.withdraw",
        "keys.rotate.data", "keys.rotate.master", "keys.wrap", "letter.template.save", "organ.create", "organ.import", "organ.update",
        "plan.comment", "plan.confirm", "plan.import", "plan.private", "plan.progress", "plan.progress-private", "plan.progress-public", "plan.public",
        "plan.reimport", "plan.remind", "plan.unit-map", "policy.evaluation.publish", "policy.evaluation.withdraw",
        "report.checked", "report.corrected", "report.imported", "report.published", "report.reminders", "report.saved",
        "request.appeal.decide", "request.appeal.file", "request.applicant.view", "request.assign", "request.close.lapsed", "request.deliver",
        "request.due.final", "request.file", "request.letter.download", "request.letter.sent.render", "request.letter.sent.view", "request.register",
        "request.reopen", "request.reply.approve", "request.reply.propose", "request.reply.return", "request.transfer", "request.transfer.in",
        "search.reindex", "staff.2fa.disable", "staff.2fa.enable", "staff.create", "staff.disable", "staff.enable", "staff.password.change",
        "staff.password.reset", "staff.roles", "staff.signin", "staff.signin.refused", "staff.signin.throttled", "staff.signout", "staff.unlock",
        "staff.update", "token.create", "token.revoke",
    ];

    private AuditCatalogue Catalogue => app.Services.GetRequiredService<AuditCatalogue>();

    [Fact]
    public void Every_event_has_one_stored_name_and_one_Chinese_label_that_fit_the_column()
    {
        var all = Catalogue.All.ToList();
        Assert.Equal(all.Count, all.Select(a => a.Name).Distinct().Count());
        Assert.Equal(all.Count, all.Select(a => a.Label).Distinct().Count());
        Assert.All(all, a =>
        {
            Assert.Matches(StoredName(), a.Name);
            Assert.True(a.Name.Length <= 64, a.Name);
            Assert.Matches(Chinese(), a.Label);
        });
        Assert.Equal(["平台", "主动公开", "依申请公开", "年度报告", "政策", "工作要点"], Catalogue.Modules.Select(m => m.Name));
        Assert.DoesNotContain(Catalogue.Modules, m => all.Any(a => a.Label == m.Name));
    }

    [Fact]
    public void Every_catalogue_class_in_the_application_is_registered()
    {
        var declared = typeof(AuditAction).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(AuditAction)))
            .Select(f => (AuditAction)f.GetValue(null)!).ToList();
        Assert.NotEmpty(declared);
        Assert.All(declared, a => Assert.True(Catalogue.Contains(a), $"{a.Name} is declared but its module does not register its catalogue"));
        Assert.Equal(declared.Count, Catalogue.All.Count());
    }

    [Fact]
    public void Names_stored_before_the_catalogue_still_read_as_catalogued_events()
    {
        Assert.All(StoredBeforeTheCatalogue, name => Assert.NotNull(Catalogue.Find(name)));

        // The clock's events were named at run time from the kind: the same names, each now in the catalogue.
        foreach (var kind in Enum.GetValues<ClockEventKind>().Where(k => k != ClockEventKind.Reopened))
        {
            var action = RequestAuditActions.Clock(kind);
            Assert.Equal("request.clock." + kind.ToString().ToLowerInvariant(), action.Name);
            Assert.True(Catalogue.Contains(action));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => RequestAuditActions.Clock(ClockEventKind.Reopened));
    }

    [Fact]
    public void An_event_outside_the_catalogue_is_refused()
    {
        using var scope = app.Services.CreateScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var ex = Assert.Throws<InvalidOperationException>(() => audit.Record(new AuditAction("made.up", "临时编造"), "Organ", null, null));
        Assert.Contains("未登记", ex.Message);

        // A copy of a catalogued event under the same name with another label is not the catalogued one.
        Assert.Throws<InvalidOperationException>(() => audit.Record(new AuditAction("organ.create", "另一个说明"), "Organ", null, null));
        Assert.Empty(scope.ServiceProvider.GetRequiredService<GongkaiDb>().ChangeTracker.Entries<AuditEvent>());
    }

    [Fact]
    public async Task The_demo_data_and_the_first_start_write_only_catalogued_events()
    {
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDocuments>().GenerateAsync(5, 3, 5);
        }

        var stored = await app.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).Distinct().ToListAsync());
        Assert.Contains("document.demo.generate", stored);
        Assert.Contains("organ.import", stored);
        Assert.All(stored, name => Assert.NotNull(Catalogue.Find(name)));
    }

    [GeneratedRegex(@"^[a-z0-9]+(\.[a-z0-9-]+)+$")]
    private static partial Regex StoredName();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}

public sealed class AuditCatalogueTests_Sqlite(SqliteApp app) : AuditCatalogueTests<SqliteApp>(app);

public sealed class AuditCatalogueTests_Postgres(PostgresApp app) : AuditCatalogueTests<PostgresApp>(app);

/// <summary>The application with two requests that break the audit rule, to show the suite's check notices.</summary>
public sealed class AuditRuleBreakingApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new Breaking()));
    }

    private sealed class Breaking : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/test/unaudited", b => b.Run(async http =>
            {
                var db = http.RequestServices.GetRequiredService<GongkaiDb>();
                var organ = await db.Organs.OrderBy(o => o.Code).FirstAsync();
                organ.ReceivesRequests = !organ.ReceivesRequests;
                await db.SaveChangesAsync();
            }));
            app.Map("/test/audited-twice", b => b.Run(async http =>
            {
                var db = http.RequestServices.GetRequiredService<GongkaiDb>();
                var audit = http.RequestServices.GetRequiredService<AuditLog>();
                var organ = await db.Organs.OrderBy(o => o.Code).FirstAsync();
                organ.ReceivesRequests = !organ.ReceivesRequests;
                audit.Record(Gongkai.Platform.PlatformAuditActions.OrganUpdate, "Organ", organ.Id.ToString(), "测试");
                audit.Record(Gongkai.Platform.PlatformAuditActions.OrganUpdate, "Organ", organ.Id.ToString(), "测试");
                await db.SaveChangesAsync();
            }));
            app.Map("/test/audited-nothing", b => b.Run(async http =>
            {
                var db = http.RequestServices.GetRequiredService<GongkaiDb>();
                http.RequestServices.GetRequiredService<AuditLog>().Record(Gongkai.Platform.PlatformAuditActions.OrganUpdate, "Organ", null, "测试");
                await db.SaveChangesAsync();
            }));
            next(app);
        };
    }
}

public sealed class AuditRuleTests(AuditRuleBreakingApp app) : IClassFixture<AuditRuleBreakingApp>
{
    [Theory]
    [InlineData("/test/unaudited", "改变了数据却没有写审计事件")]
    [InlineData("/test/audited-twice", "写了2条变更类审计事件")]
    [InlineData("/test/audited-nothing", "没有改变数据却写了变更类审计事件")]
    public async Task A_request_that_breaks_the_audit_rule_is_reported(string path, string breach)
    {
        app.AuditRule.TakeBreaches();
        await app.Browser().PostAsync(path, null);
        var found = Assert.Single(app.AuditRule.TakeBreaches());
        Assert.StartsWith("POST " + path, found);
        Assert.Contains(breach, found);
    }

    [Fact]
    public async Task A_request_that_keeps_the_audit_rule_is_not_reported()
    {
        app.AuditRule.TakeBreaches();
        await app.Browser().GetAsync("/");
        Assert.Empty(app.AuditRule.TakeBreaches());
    }
}
