using System.Globalization;
using Gongkai.Plans.Parsing;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Plans.Ledger;

/// <summary>
/// One task as the reviewer leaves it on the review page (fields possibly corrected). A field left empty on the form
/// binds as null; every text reads it as "" so an empty field (a task without deadline text) is never a null to trip on.
/// </summary>
public sealed class TaskInput
{
    public string Number { get; set => field = value ?? ""; } = "";
    public string Path { get; set => field = value ?? ""; } = "";
    public string Text { get; set => field = value ?? ""; } = "";
    public string LeadUnits { get; set => field = value ?? ""; } = "";
    public string ResponsibleUnits { get; set => field = value ?? ""; } = "";
    public string DeadlineText { get; set => field = value ?? ""; } = "";
    public string? Due { get; set; }
    public bool Recurring { get; set; }
    public DeadlineKind Kind { get; set; }
    public string Warnings { get; set => field = value ?? ""; } = "";
    public bool NeedsReview { get; set; }

    public static TaskInput From(ParsedTask t) => new()
    {
        Number = t.Number,
        Path = string.Join(" / ", t.Path),
        Text = t.Text,
        LeadUnits = PlanTask.Join(t.LeadUnits),
        ResponsibleUnits = PlanTask.Join(t.ResponsibleUnits),
        DeadlineText = t.Deadline.Text,
        Due = t.Deadline.Due is { } d ? ChineseDates.Iso(d) : null,
        Recurring = t.Deadline.Recurring,
        Kind = t.Deadline.Kind,
        Warnings = string.Join("\n", t.Warnings),
        NeedsReview = t.NeedsReview,
    };
}

/// <summary>What a re-import changes: tasks added, removed, and changed (by number and heading path).</summary>
public sealed record PlanChange(string Kind, string Number, string Text, string Detail);

/// <summary>
/// Saving a reviewed plan: the tasks as corrected, their units mapped to organs. A revised document imported over
/// an existing plan updates matching tasks in place (their progress stays), adds new ones and removes dropped ones.
/// </summary>
public sealed class PlanImport(GongkaiDb db, AuditLog audit, StaffAccess access, TimeProvider clock)
{
    public async Task RequireOfficeAsync()
    {
        if (await access.DistrictRoleAsync(StaffRole.OpennessOffice, StaffRole.SystemAdministrator) is null)
        {
            throw new ForbiddenAction("只有政务公开办可以导入工作要点。");
        }
    }

    public async Task<WorkPlan> SaveAsync(string title, int year, string source, string? fileName, IReadOnlyList<TaskInput> tasks, Guid? replacing, CancellationToken ct = default)
    {
        await RequireOfficeAsync();
        title = PlanText.Normalize(title ?? "").Trim();
        if (title.Length is 0 or > 200)
        {
            throw new ValidationFailure("请填写计划名称（200字以内）。", "Title");
        }

        if (year is < 1990 or > 2100)
        {
            throw new ValidationFailure("计划年度应为1990到2100之间的年份。", "Year");
        }

        if (tasks.Count == 0)
        {
            throw new ValidationFailure("没有任务可以保存。", "Tasks");
        }

        var dues = new List<DateOnly?>();
        for (var i = 0; i < tasks.Count; i++)
        {
            var t = tasks[i];
            if (string.IsNullOrWhiteSpace(t.Text))
            {
                throw new ValidationFailure($"第{i + 1}项任务的内容为空，请填写或删除该任务。", $"Tasks[{i}].Text");
            }

            if (string.IsNullOrWhiteSpace(t.Due))
            {
                dues.Add(null);
            }
            else if (InputDates.TryParse(t.Due, $"第{i + 1}项任务的完成日期", out var d, out var error))
            {
                dues.Add(d);
            }
            else
            {
                throw new ValidationFailure(error!, $"Tasks[{i}].Due");
            }
        }

        var directory = await UnitDirectory.LoadAsync(db, ct);
        var now = clock.GetUtcNow();
        WorkPlan plan;
        List<PlanTask> existing;
        if (replacing is { } id)
        {
            plan = await db.WorkPlans.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new KeyNotFoundException();
            existing = await db.PlanTasks.Include(t => t.Organs).Where(t => t.PlanId == id).ToListAsync(ct);
            plan.Revision++;
        }
        else
        {
            plan = new WorkPlan { Title = title, CreatedAt = now };
            db.WorkPlans.Add(plan);
            existing = [];
        }

        plan.Title = title;
        plan.Year = year;
        plan.SourceText = source ?? "";
        plan.SourceFileName = fileName;
        plan.UpdatedAt = now;

        var unmatched = existing.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var duplicates = existing.Except(unmatched.Values).ToList();
        for (var i = 0; i < tasks.Count; i++)
        {
            var input = tasks[i];
            var key = Key(input.Number, input.Path);
            if (!unmatched.Remove(key, out var task))
            {
                task = new PlanTask { PlanId = plan.Id, Number = input.Number, Text = input.Text };
                db.PlanTasks.Add(task);
            }

            task.Sequence = i + 1;
            task.Number = Limit(input.Number.Trim(), 32);
            task.Path = Limit(input.Path.Trim(), 1000);
            task.Text = PlanText.Normalize(input.Text).Trim();
            var lead = Units(input.LeadUnits);
            var responsible = Units(input.ResponsibleUnits);
            task.LeadUnits = Limit(PlanTask.Join(lead), 1000);
            task.ResponsibleUnits = Limit(PlanTask.Join(responsible), 2000);
            task.DeadlineText = Limit(PlanText.Normalize(input.DeadlineText).Trim(), 200);
            task.Due = dues[i];
            task.Recurring = input.Recurring;
            task.DeadlineKind = dues[i] is not null ? DeadlineKind.Date : input.Kind == DeadlineKind.Date ? DeadlineKind.None : input.Kind;
            task.Warnings = input.Warnings ?? "";
            task.NeedsReview = input.NeedsReview;
            task.UpdatedAt = now;
            task.Organs.Clear();
            foreach (var (units, role) in new[] { (lead, PlanRole.Lead), (responsible, PlanRole.Responsible) })
            {
                foreach (var organ in units.Select(directory.Find).OfType<MappedOrgan>().DistinctBy(o => o.Id))
                {
                    task.Organs.Add(new PlanTaskOrgan { TaskId = task.Id, OrganId = organ.Id, Role = role });
                }
            }
        }

        db.PlanTasks.RemoveRange(unmatched.Values.Concat(duplicates));
        audit.Record(replacing is null ? PlanAuditActions.Import : PlanAuditActions.Reimport, "WorkPlan", plan.Id.ToString(),
            $"{plan.Title}：{tasks.Count} 项任务" + (replacing is null ? "" : $"，第{plan.Revision}版，删除 {unmatched.Count} 项"),
            asRole: await access.DistrictRoleAsync(StaffRole.OpennessOffice, StaffRole.SystemAdministrator));
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>The differences between the saved plan and a revised document's tasks.</summary>
    public async Task<List<PlanChange>> DiffAsync(Guid planId, IReadOnlyList<TaskInput> tasks, CancellationToken ct = default)
    {
        var existing = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Sequence).ToListAsync(ct);
        var byKey = existing.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var changes = new List<PlanChange>();
        foreach (var input in tasks)
        {
            if (!byKey.Remove(Key(input.Number, input.Path), out var old))
            {
                changes.Add(new PlanChange("新增", input.Number, input.Text, ""));
                continue;
            }

            var fields = new List<string>();
            if (old.Text != PlanText.Normalize(input.Text).Trim())
            {
                fields.Add("任务内容");
            }

            if (old.LeadUnits != PlanTask.Join(Units(input.LeadUnits)))
            {
                fields.Add($"牵头单位（{old.LeadUnits} → {PlanTask.Join(Units(input.LeadUnits))}）");
            }

            if (old.ResponsibleUnits != PlanTask.Join(Units(input.ResponsibleUnits)))
            {
                fields.Add($"责任单位（{old.ResponsibleUnits} → {PlanTask.Join(Units(input.ResponsibleUnits))}）");
            }

            if (old.DeadlineText != PlanText.Normalize(input.DeadlineText).Trim())
            {
                fields.Add($"完成时限（{old.DeadlineText} → {input.DeadlineText}）");
            }

            if (fields.Count > 0)
            {
                changes.Add(new PlanChange("修改", input.Number, input.Text, string.Join("；", fields)));
            }
        }

        changes.AddRange(byKey.Values.Select(t => new PlanChange("删除", t.Number, t.Text, "")));
        return changes;
    }

    /// <summary>Remembers that a unit name means an organ (or a group), for this and later imports.</summary>
    public async Task MapUnitAsync(string name, string? organCode, bool isGroup, CancellationToken ct = default)
    {
        await RequireOfficeAsync();
        name = PlanText.UnitName(name ?? "");
        if (name.Length is 0 or > 128)
        {
            throw new ValidationFailure("请填写单位名称。", "Name");
        }

        Guid? organId = null;
        if (!isGroup)
        {
            var code = (organCode ?? "").Trim();
            organId = await db.Organs.Where(o => o.Code == code).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct)
                ?? throw new ValidationFailure($"找不到编码为“{code}”的机关。", "OrganCode");
        }

        var mapping = await db.PlanUnitMappings.SingleOrDefaultAsync(m => m.Name == name, ct);
        if (mapping is null)
        {
            mapping = new PlanUnitMapping { Name = name, CreatedAt = clock.GetUtcNow() };
            db.PlanUnitMappings.Add(mapping);
        }

        mapping.OrganId = organId;
        mapping.IsGroup = isGroup;
        audit.Record(PlanAuditActions.UnitMap, "PlanUnitMapping", name, isGroup ? $"{name} → 单位集合" : $"{name} → {organCode}",
            asRole: await access.DistrictRoleAsync(StaffRole.OpennessOffice, StaffRole.SystemAdministrator));
        await db.SaveChangesAsync(ct);
    }

    private static List<string> Units(string? written) => UnitList.Split(written ?? "", out _);

    private static string Key(PlanTask t) => Key(t.Number, t.Path);

    private static string Key(string number, string path) => PlanText.Compact(path) + "#" + number.Trim();

    private static string Limit(string s, int n) => s.Length <= n ? s : s[..n];

    public static int YearOr(int? year, TimeProvider clock) => year ?? ChineseDates.Today(clock).Year;

    public static string Iso(DateOnly? d) => d is { } x ? ChineseDates.Iso(x) : "";
}
