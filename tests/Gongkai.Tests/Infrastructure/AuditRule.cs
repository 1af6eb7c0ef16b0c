using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Infrastructure;

/// <summary>
/// The audit rule, checked on every HTTP request the whole suite makes (docs/ARCHITECTURE.md §The audit rule): a request
/// that commits a change to the platform's data writes exactly one catalogued audit event of kind
/// <see cref="AuditKind.Change"/>; a request that changes nothing writes no such event (it may write one
/// <see cref="AuditKind.Access"/> event: personal data viewed, a letter downloaded, a sign-in). What a request committed
/// is seen by an EF interceptor (tracked entities at each successful save, bulk UPDATE/DELETE/INSERT statements), counted
/// only once its transaction commits. The few combinations that legitimately write more are listed in
/// <see cref="Exemptions"/> with their reason. Breaches are collected and fail the test class when its application is
/// disposed, naming the request.
/// </summary>
public sealed partial class AuditRule
{
    /// <summary>
    /// Writes a request may make without an audit event: the platform's own bookkeeping, not a use case's change.
    /// <see cref="Allowed.Path"/>, when given, limits the allowance to that request path (or "METHOD path").
    /// </summary>
    public static readonly Allowed[] Bookkeeping =
    [
        new("ApiToken Modified(LastUsedAt)", null, "an API token's last-used time, refreshed at most every ten minutes as the token is used"),
        new("SQL INSERT INTO gk_health_probe", "/readyz", "the readiness probe checks that the database takes a write"),
        new("SQL DELETE FROM sign_in_throttle", "/account/login", "a successful sign-in clears the failure counters (the sign-in itself is audited)"),
        new("IdentityUserToken Added", "GET /account/two-factor", "opening the two-step page prepares an authenticator key; enabling two-step sign-in is audited"),
        new("StaffUser Modified", "GET /account/two-factor", "preparing the authenticator key renews the security stamp"),
    ];

    /// <summary>
    /// Requests that run several use cases and write one change event for each, as the records' own histories show them.
    /// The set of events must match exactly; only <see cref="Exemption.Repeated"/> may occur more than once.
    /// </summary>
    public static readonly Exemption[] Exemptions =
    [
        new(["document.create", "document.submit"],
            "保存并提交: the form and the API draft and submit in one call; the document's 办理记录 shows both steps"),
        new(["document.update", "document.submit"],
            "保存并提交 on a saved draft: the edit form saves the changes and submits them in one call; the 办理记录 shows both steps"),
        new(["document.create", "document.submit", "document.review.approve", "document.publish"],
            "POST /api/v1/documents publishes in one call; the document's 办理记录 shows each step as through the pages"),
        new(["document.publish", "report.published"],
            "publishing an annual report publishes it as a proactive document: the document's history and the report's each record it"),
        new(["document.revise", "report.published"],
            "publishing an annual report again revises its document: the document's history and the report's each record it"),
        new(["request.transfer", "request.transfer.in"],
            "a transfer is recorded in the log of each organ, so that both see it within their scope"),
        new(["request.appeal.file", "request.appeal.decide", "request.reopen"],
            "an appeal entered with its decision already known: filing, decision and the reopening ordered are each in the request's history"),
        new(["request.appeal.file", "request.appeal.decide"],
            "an appeal entered with its decision already known: filing and decision are each in the request's history"),
        new(["calendar.year.load", "request.due.final"],
            "loading a year's holidays makes provisional due dates final; each request's history records its own", Repeated: "request.due.final"),
    ];

    private readonly AsyncLocal<Observed?> current = new();
    private readonly List<string> breaches = [];

    public AuditRule() => Interceptor = new Watcher(this);

    internal IInterceptor Interceptor { get; }

    public void Register(IServiceCollection services)
    {
        services.AddSingleton<IStartupFilter>(new Filter(this));
        services.ConfigureDbContext<SqliteGongkaiDb>((_, o) => o.AddInterceptors(Interceptor));
        services.ConfigureDbContext<PostgresGongkaiDb>((_, o) => o.AddInterceptors(Interceptor));
    }

    public IReadOnlyList<string> Breaches
    {
        get
        {
            lock (breaches)
            {
                return [.. breaches];
            }
        }
    }

    /// <summary>The breaches so far, forgotten: for the test that proves the rule can fail.</summary>
    public IReadOnlyList<string> TakeBreaches()
    {
        lock (breaches)
        {
            var taken = breaches.ToList();
            breaches.Clear();
            return taken;
        }
    }

    public void ThrowIfBroken()
    {
        if (Breaches is { Count: > 0 } found)
        {
            throw new AuditRuleBroken(found);
        }
    }

    private void Check(HttpContext http, Observed seen)
    {
        var (events, changes) = seen.Close();
        var catalogue = http.RequestServices.GetRequiredService<AuditCatalogue>();
        var problems = new List<string>();
        var unknown = events.Where(e => catalogue.Find(e) is null).ToList();
        if (unknown.Count > 0)
        {
            problems.Add("未登记的审计事件 " + string.Join(", ", unknown));
        }

        var path = http.Request.Path.Value ?? "";
        var realChanges = changes.Where(c => !Bookkeeping.Any(b => (c == b.Change || (b.Path is not null && c.StartsWith(b.Change, StringComparison.Ordinal))) && (b.Path is null || b.Path == path || b.Path == http.Request.Method + " " + path))).ToList();
        var changeEvents = events.Where(e => catalogue.Find(e)?.Kind != AuditKind.Access).ToList();
        var accessEvents = events.Where(e => catalogue.Find(e)?.Kind == AuditKind.Access).ToList();
        if (accessEvents.Count > 1)
        {
            problems.Add($"写了{accessEvents.Count}条访问类审计事件");
        }

        if (changeEvents.Count > 1 && !Exemptions.Any(x => x.Covers(changeEvents)))
        {
            problems.Add($"写了{changeEvents.Count}条变更类审计事件");
        }
        else if (realChanges.Count > 0 && changeEvents.Count == 0)
        {
            problems.Add("改变了数据却没有写审计事件");
        }
        else if (realChanges.Count == 0 && changeEvents.Count > 0)
        {
            problems.Add("没有改变数据却写了变更类审计事件");
        }

        if (problems.Count > 0)
        {
            var endpoint = http.GetEndpoint()?.DisplayName ?? "";
            var line = $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString} → {http.Response.StatusCode} ({endpoint}): "
                + string.Join("；", problems) + $"。事件：[{string.Join(", ", events)}]；数据：[{string.Join(", ", changes.Distinct())}]";
            lock (breaches)
            {
                breaches.Add(line);
            }
        }
    }

    public sealed record Allowed(string Change, string? Path, string Reason);

    public sealed record Exemption(string[] Events, string Reason, string? Repeated = null)
    {
        public bool Covers(IReadOnlyList<string> written) =>
            written.ToHashSet().SetEquals(Events)
            && written.GroupBy(e => e).All(g => g.Count() == 1 || g.Key == Repeated);
    }

    /// <summary>What one request committed: audit actions and other writes.</summary>
    private sealed class Observed
    {
        private readonly List<string> events = [];
        private readonly List<string> changes = [];
        private bool closed;

        public void Commit(Pending pending)
        {
            lock (this)
            {
                if (!closed)
                {
                    events.AddRange(pending.Events);
                    changes.AddRange(pending.Changes);
                }
            }
        }

        public (List<string> Events, List<string> Changes) Close()
        {
            lock (this)
            {
                closed = true;
                return ([.. events], [.. changes]);
            }
        }
    }

    private sealed class Pending
    {
        public List<string> Events { get; } = [];
        public List<string> Changes { get; } = [];

        public void Add(Pending other)
        {
            Events.AddRange(other.Events);
            Changes.AddRange(other.Changes);
        }
    }

    /// <summary>Per context: the save under way, and what was saved inside a transaction not yet committed.</summary>
    private sealed class ContextState
    {
        public Pending? Saving { get; set; }
        public Dictionary<Guid, Pending> InTransaction { get; } = [];
        public Observed? Owner { get; set; }
    }

    private sealed partial class Watcher(AuditRule rule) : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
    {
        private readonly ConditionalWeakTable<DbContext, ContextState> states = [];

        private ContextState? State(DbContext? context)
        {
            if (context is null)
            {
                return null;
            }

            var state = states.GetValue(context, _ => new ContextState());
            if (rule.current.Value is { } seen)
            {
                state.Owner = seen;
            }

            return state.Owner is null ? null : state;
        }

        private static void Done(DbContext context, ContextState state, Pending pending)
        {
            if (context.Database.CurrentTransaction is { } tx)
            {
                if (!state.InTransaction.TryGetValue(tx.TransactionId, out var held))
                {
                    state.InTransaction[tx.TransactionId] = held = new Pending();
                }

                held.Add(pending);
            }
            else
            {
                state.Owner?.Commit(pending);
            }
        }

        private void Saving(DbContext? context)
        {
            if (State(context) is not { } state)
            {
                return;
            }

            var pending = new Pending();
            foreach (var entry in context!.ChangeTracker.Entries())
            {
                if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                {
                    continue;
                }

                if (entry.Entity is AuditEvent e)
                {
                    pending.Events.Add(e.Action);
                }
                else
                {
                    var modified = entry.State == EntityState.Modified
                        ? "(" + string.Join(",", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).Order(StringComparer.Ordinal)) + ")"
                        : "";
                    pending.Changes.Add($"{entry.Metadata.ShortName()} {entry.State}{modified}");
                }
            }

            state.Saving = pending;
        }

        private void Saved(DbContext? context)
        {
            if (State(context) is { Saving: { } pending } state)
            {
                state.Saving = null;
                Done(context!, state, pending);
            }
        }

        public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Saving(eventData.Context);
            return result;
        }

        public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Saving(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Saved(eventData.Context);
            return result;
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Saved(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public void SaveChangesFailed(DbContextErrorEventData eventData)
        {
            if (State(eventData.Context) is { } state)
            {
                state.Saving = null;
            }
        }

        public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            SaveChangesFailed(eventData);
            return Task.CompletedTask;
        }

        private void Committed(TransactionEndEventData eventData)
        {
            if (State(eventData.Context) is { } state && state.InTransaction.Remove(eventData.TransactionId, out var held))
            {
                state.Owner?.Commit(held);
            }
        }

        private void RolledBack(TransactionEndEventData eventData) => State(eventData.Context)?.InTransaction.Remove(eventData.TransactionId);

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Committed(eventData);
            return Task.CompletedTask;
        }

        public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData);

        public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            RolledBack(eventData);
            return Task.CompletedTask;
        }

        /// <summary>A bulk write outside SaveChanges (ExecuteUpdate, ExecuteDelete, raw SQL).</summary>
        private void Executed(DbCommand command, CommandExecutedEventData eventData, int rows)
        {
            if (rows <= 0 || State(eventData.Context) is not { Saving: null } state || Write().Match(command.CommandText) is not { Success: true } m)
            {
                return;
            }

            var pending = new Pending();
            var table = m.Groups["table"].Value.Trim('"', '[', ']', '`');
            pending.Changes.Add($"SQL {m.Groups["verb"].Value.ToUpperInvariant()} {table}");
            Done(eventData.Context!, state, pending);
        }

        public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Executed(command, eventData, result);
            return result;
        }

        public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Executed(command, eventData, result);
            return ValueTask.FromResult(result);
        }

        [GeneratedRegex(@"^\s*(?:WITH\b.*?\)\s*)?(?<verb>INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?<table>[^\s(]+)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
        private static partial Regex Write();
    }

    private sealed class Filter(AuditRule rule) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, inner) =>
            {
                var seen = new Observed();
                rule.current.Value = seen;
                try
                {
                    await inner();
                }
                finally
                {
                    rule.current.Value = null;
                    rule.Check(http, seen);
                }
            });
            next(app);
        };
    }
}

public sealed class AuditRuleBroken(IReadOnlyList<string> breaches)
    : Exception("审计规则被违反（docs/ARCHITECTURE.md §The audit rule）：\n" + string.Join("\n", breaches));
