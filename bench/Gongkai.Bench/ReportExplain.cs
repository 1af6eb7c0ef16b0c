using System.Text.RegularExpressions;
using Gongkai.Disclosure;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Data;
using Gongkai.Reports.Statistics;
using Gongkai.Requests;
using Gongkai.Requests.Clock;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Bench;

/// <summary>
/// <c>report … --explain 1</c>: the plans of the report's queries (the same LINQ as <see cref="RequestStatistics"/>,
/// <see cref="RequestStatisticsByOrgan"/> and the document counts) for one organ and for all organs, printed as the
/// database gives them: EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL.
/// </summary>
internal static partial class ReportExplain
{
    public static async Task RunAsync(GongkaiDb db, string provider, Guid organId, int year)
    {
        var p = StatisticsPeriod.Year(year);
        var all = db.DisclosureRequests.AsNoTracking();
        var one = all.Where(r => r.OrganId == organId);
        var (start, end) = (p.From, p.To);
        var queries = new (string Name, IQueryable Query)[]
        {
            ("received(one)", RequestStatistics.In(one, p, RequestSet.Received).GroupBy(r => new { r.Channel, r.ApplicantType }).Select(g => new { g.Key.Channel, g.Key.ApplicantType, Count = g.Count() })),
            ("carried_in(one)", RequestStatistics.In(one, p, RequestSet.CarriedIn).GroupBy(r => r.ApplicantType).Select(g => new { g.Key, Count = g.Count() })),
            ("closed(one)", RequestStatistics.In(one, p, RequestSet.Closed).GroupBy(r => new { r.Outcome, r.ApplicantType, Late = r.Timeliness == Timeliness.Overdue }).Select(g => new { g.Key.Outcome, g.Key.ApplicantType, g.Key.Late, Count = g.Count() })),
            ("carried_out(one)", RequestStatistics.In(one, p, RequestSet.CarriedOut).GroupBy(r => r.ApplicantType).Select(g => new { g.Key, Count = g.Count() })),
            ("spans(one)", RequestStatistics.In(one, p, RequestSet.Closed).GroupBy(r => new { r.ReceivedOn, r.ClosedOn }).Select(g => new { g.Key.ReceivedOn, g.Key.ClosedOn, Count = g.Count() })),
            ("documents(one)", db.Documents.AsNoTracking().Where(d => d.OrganId == organId && d.InformationType == InformationType.NormativeDocument && d.Status == DocumentStatus.Published)
                .GroupBy(d => d.OrganId).Select(g => new { g.Key, Issued = g.Count(d => d.WrittenOn >= start && d.WrittenOn <= end), Valid = g.Count(d => d.WrittenOn <= end && !(d.Validity == Validity.Repealed && d.ValidityChangedOn <= end)) })),
            ("received(all)", RequestStatistics.In(all, p, RequestSet.Received).GroupBy(r => new { r.OrganId, r.Channel, r.ApplicantType }).Select(g => new { g.Key.OrganId, g.Key.Channel, g.Key.ApplicantType, Count = g.Count() })),
            ("carried_in(all)", RequestStatistics.In(all, p, RequestSet.CarriedIn).GroupBy(r => new { r.OrganId, r.ApplicantType }).Select(g => new { g.Key.OrganId, g.Key.ApplicantType, Count = g.Count() })),
            ("closed(all)", RequestStatistics.In(all, p, RequestSet.Closed).GroupBy(r => new { r.OrganId, r.Outcome, r.ApplicantType, Late = r.Timeliness == Timeliness.Overdue }).Select(g => new { g.Key.OrganId, g.Key.Outcome, g.Key.ApplicantType, g.Key.Late, Count = g.Count() })),
            ("documents(all)", db.Documents.AsNoTracking().Where(d => d.InformationType == InformationType.NormativeDocument && d.Status == DocumentStatus.Published)
                .GroupBy(d => d.OrganId).Select(g => new { g.Key, Issued = g.Count(d => d.WrittenOn >= start && d.WrittenOn <= end) })),
        };
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var (name, query) in queries)
        {
            var sql = Inline(query.ToQueryString());
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = (provider == DatabaseSetup.Postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + sql;
            Console.WriteLine($"EXPLAIN {name}:");
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine("    " + (provider == DatabaseSetup.Postgres ? reader.GetString(0) : reader.GetValue(reader.FieldCount - 1)));
            }
        }
    }

    /// <summary>The SQL of ToQueryString with its parameters written in as literals (SQLite “.param set”, PostgreSQL “-- @p='…'”).</summary>
    private static string Inline(string text)
    {
        var values = new Dictionary<string, string>();
        var sql = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var m = Param().Match(line);
            if (m.Success)
            {
                values[m.Groups["name"].Value] = m.Groups["value"].Value;
            }
            else
            {
                sql.Add(line);
            }
        }

        var result = string.Join('\n', sql);
        foreach (var (name, value) in values.OrderByDescending(v => v.Key.Length))
        {
            result = result.Replace(name, value, StringComparison.Ordinal);
        }

        return result;
    }

    [GeneratedRegex(@"^(?:\.param set |-- )(?<name>[@$:]?\w+)\s*=?\s*(?<value>'[^']*'|\S+)")]
    private static partial Regex Param();
}
