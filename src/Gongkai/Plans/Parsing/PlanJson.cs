using Gongkai.Platform;

namespace Gongkai.Plans.Parsing;

/// <summary>The JSON shape of a parse (<c>gongkai plan parse FILE --json</c> and the API).</summary>
public static class PlanJson
{
    public static object From(ParsedPlan plan, UnitDirectory? directory)
    {
        var units = plan.Tasks.SelectMany(t => t.AllUnits()).Distinct().ToList();
        return new
        {
            title = plan.Title,
            year = plan.Year,
            tasks = plan.Tasks.Select(t => new
            {
                number = t.Number,
                path = t.Path,
                text = t.Text,
                leadUnits = t.LeadUnits,
                responsibleUnits = t.ResponsibleUnits,
                deadline = new
                {
                    text = t.Deadline.Text,
                    due = t.Deadline.Due is { } d ? ChineseDates.Iso(d) : null,
                    recurring = t.Deadline.Recurring,
                    kind = t.Deadline.Kind.ToString().ToLowerInvariant(),
                },
                warnings = t.Warnings,
                organCodes = directory is null
                    ? new Dictionary<string, string>()
                    : t.AllUnits().Select(u => (u, o: directory.Find(u))).Where(x => x.o is not null).ToDictionary(x => x.u, x => x.o!.Code),
                pairs = t.Pairs.Select(p => new { sentence = p.Sentence, unit = p.Unit }),
                openList = t.OpenList,
                needsReview = t.NeedsReview,
            }),
            groups = directory is null ? units.Where(UnitList.IsGroup).ToList() : units.Where(directory.IsGroup).ToList(),
            unknownUnits = directory?.Unknown(units) ?? [],
            unassigned = plan.Unassigned.Select(u => new { text = u.Text, reason = u.Reason }),
            warnings = plan.Warnings,
        };
    }
}
