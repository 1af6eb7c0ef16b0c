using System.Text;
using Gongkai.Platform.Staff;

namespace Gongkai.Platform.Audit;

/// <summary>Filters for the audit log page, its CSV export and the API.</summary>
public sealed class AuditFilter
{
    public string? Action { get; set; }
    public string? Actor { get; set; }
    public string? Target { get; set; }
    public Guid? OrganId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

public static class AuditQuery
{
    /// <summary>Roles that may read the audit log, each within its own organ scope.</summary>
    public static readonly StaffRole[] Readers =
        [StaffRole.SystemAdministrator, StaffRole.OpennessOffice, StaffRole.DepartmentAdministrator, StaffRole.Evaluator];

    public static IQueryable<AuditEvent> Filter(IQueryable<AuditEvent> events, OrganScope scope, AuditFilter f)
    {
        if (!scope.All)
        {
            var ids = scope.OrganIds.ToList();
            events = events.Where(e => e.OrganId != null && ids.Contains(e.OrganId.Value));
        }

        if (!string.IsNullOrWhiteSpace(f.Action))
        {
            var action = f.Action.Trim();
            events = events.Where(e => e.Action.StartsWith(action));
        }

        if (!string.IsNullOrWhiteSpace(f.Actor))
        {
            var actor = f.Actor.Trim();
            events = events.Where(e => e.ActorName.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(f.Target))
        {
            var target = f.Target.Trim();
            events = events.Where(e => e.TargetId == target || (e.Summary != null && e.Summary.Contains(target)));
        }

        if (f.OrganId is { } organ)
        {
            events = events.Where(e => e.OrganId == organ);
        }

        if (InputDates.Check(f.From, "From", "起始日期") is { } from)
        {
            var start = Start(from);
            events = events.Where(e => e.At >= start);
        }

        if (InputDates.Check(f.To, "To", "截止日期") is { } to)
        {
            var end = Start(to.AddDays(1));
            events = events.Where(e => e.At < end);
        }

        return events.OrderByDescending(e => e.Id);
    }

    /// <summary>CSV with a BOM so that Excel opens the Chinese text correctly.</summary>
    public static byte[] ToCsv(IEnumerable<AuditEvent> events, IReadOnlyDictionary<Guid, string> organNames)
    {
        var sb = new StringBuilder();
        sb.Append("编号,时间,操作人,角色,单位,操作,对象类型,对象编号,内容,地址\r\n");
        foreach (var e in events)
        {
            var organ = e.OrganId is { } id ? organNames.GetValueOrDefault(id, id.ToString()) : "";
            var role = StaffRoles.TryParse(e.Role, out var r) ? r.Label() : e.Role;
            string[] cells = [e.Id.ToString(), Platform.ChineseDates.Local(e.At), e.ActorName, role ?? "", organ, e.Action, e.TargetType, e.TargetId ?? "", e.Summary ?? "", e.Address ?? ""];
            sb.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static DateTimeOffset Start(DateOnly day) => ChineseDates.StartOf(day);

    /// <summary>Quotes a cell, and neutralises a leading = + - @ so a spreadsheet never runs it as a formula.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
