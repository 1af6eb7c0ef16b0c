using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Gongkai.Platform.RichText;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Guide;

/// <summary>
/// Reads and saves 政府信息公开指南. The 政务公开办 and system administrators keep every organ's guide (district-wide
/// roles only); a 部门管理员 keeps the guides of their organ and its sub-organs. Another organ's guide is not found.
/// </summary>
public sealed class Guides(GongkaiDb db, AuditLog audit, StaffAccess access, CurrentActor actor, TimeProvider clock)
{
    public static readonly StaffRole[] DistrictEditors = [StaffRole.OpennessOffice, StaffRole.SystemAdministrator];

    /// <summary>A guide as shown: the saved one, or the default (<see cref="IsDefault"/>) when none is saved.</summary>
    public sealed record Shown(Organ Organ, OpennessGuide Guide, bool IsDefault);

    public enum Outcome
    {
        Created,
        Updated,
        Unchanged,
    }

    public Task<Organ?> OrganAsync(string? code, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(code) ? Task.FromResult<Organ?>(null) : db.Organs.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);

    public async Task<Shown> GetAsync(Organ organ, string portal, CancellationToken ct = default)
    {
        var saved = await db.OpennessGuides.AsNoTracking().FirstOrDefaultAsync(g => g.OrganId == organ.Id, ct);
        if (saved is not null)
        {
            return new Shown(organ, saved, false);
        }

        var receiver = organ.ReceivesRequests || organ.ParentId is null
            ? (organ.ReceivesRequests ? organ : null)
            : await db.Organs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organ.ParentId, ct);
        return new Shown(organ, GuideDefaults.For(organ, receiver, portal), true);
    }

    /// <summary>The role that lets the current user edit the organ's guide; null means the guide is not theirs (404).</summary>
    public async Task<StaffRole?> EditorRoleAsync(Guid organId) =>
        await access.DistrictRoleAsync(DistrictEditors) ?? await access.RoleForAsync(organId, StaffRole.DepartmentAdministrator);

    /// <summary>The organs whose guides the current user keeps.</summary>
    public async Task<OrganScope> EditableScopeAsync()
    {
        if (await access.DistrictRoleAsync(DistrictEditors) is not null)
        {
            return new OrganScope(true, new HashSet<Guid>());
        }

        return await access.ScopeAsync(StaffRole.DepartmentAdministrator);
    }

    /// <summary>
    /// Saves the guide with its audit event in one unit of work. A form opened on an older version is refused
    /// (someone else saved in between), and a form that changes nothing saves nothing.
    /// </summary>
    public async Task<Outcome> SaveAsync(Organ organ, GuideInput input, CancellationToken ct = default)
    {
        var role = await EditorRoleAsync(organ.Id)
            ?? throw new ForbiddenAction("您没有维护本单位政府信息公开指南的权限（需要：政务公开办、系统管理员或本单位部门管理员）。");
        var values = Validate(input);
        var guide = await db.OpennessGuides.FirstOrDefaultAsync(g => g.OrganId == organ.Id, ct);
        var created = guide is null;
        if (guide is not null && input.Version != guide.Version)
        {
            throw new ValidationFailure(
                $"本指南已于{ChineseDates.Local(guide.UpdatedAt)}被他人更新，您打开的是旧版本。为避免覆盖对方的修改，本次未保存，请重新打开页面后再修改。", "Version");
        }

        if (created && input.Version != 0)
        {
            throw new ValidationFailure("本指南的版本不正确，本次未保存，请重新打开页面后再修改。", "Version");
        }

        guide ??= new OpennessGuide { OrganId = organ.Id };
        var changed = GuideInput.Fields.Where(f => f.Read(guide) != values[f.Name]).Select(f => f.Label).ToList();
        if (!created && changed.Count == 0)
        {
            return Outcome.Unchanged;
        }

        foreach (var field in GuideInput.Fields)
        {
            field.Write(guide, values[field.Name]);
        }

        guide.Version++;
        guide.UpdatedAt = clock.GetUtcNow();
        guide.UpdatedById = actor.UserId;
        if (created)
        {
            db.OpennessGuides.Add(guide);
            audit.Record(DisclosureAuditActions.GuideCreate, "OpennessGuide", organ.Id.ToString(), $"发布“{organ.FullName}”政府信息公开指南", organ.Id, role);
        }
        else
        {
            audit.Record(DisclosureAuditActions.GuideUpdate, "OpennessGuide", organ.Id.ToString(), $"修改“{organ.FullName}”政府信息公开指南：{string.Join("、", changed)}", organ.Id, role);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Someone saved between our read and our write: their version bumped, or their first save took the organ.
            db.ChangeTracker.Clear();
            if (e is DbUpdateConcurrencyException || (created && await db.OpennessGuides.AsNoTracking().AnyAsync(g => g.OrganId == organ.Id, ct)))
            {
                throw new ValidationFailure("本指南刚刚被他人保存，本次未保存，请重新打开页面后再修改。", "Version");
            }

            throw;
        }

        return created ? Outcome.Created : Outcome.Updated;
    }

    private static Dictionary<string, string> Validate(GuideInput input)
    {
        var values = new Dictionary<string, string>();
        var checks = new FieldChecks(); // every field's problem at once (Platform/Web/FormErrors.cs)
        foreach (var field in GuideInput.Fields)
        {
            var value = Normalise(field.Input(input));
            if (field.Max == OpennessGuide.LongText && RichTextHtml.LooksLikeHtml(value))
            {
                // From the shared editor: rich text stored sanitised (Platform/RichText); plain text stays as typed.
                value = Normalise(RichTextHtml.StoreAuto(value, field.Label, field.Name));
            }

            if (field.Required && value.Length == 0)
            {
                checks.Check(() => throw new ValidationFailure($"请填写{field.Label}。", field.Name));
                continue;
            }

            if (value == GuideDefaults.NotGiven)
            {
                checks.Check(() => throw new ValidationFailure($"请填写{field.Label}：“{GuideDefaults.NotGiven}”是系统生成指南时的占位内容，发布前须填写实际信息。", field.Name));
                continue;
            }

            if (value.Length > field.Max)
            {
                checks.Check(() => throw new ValidationFailure($"{field.Label}不能超过{field.Max}个字（现有{value.Length}个字）。", field.Name));
                continue;
            }

            values[field.Name] = value;
        }

        foreach (var (name, label) in new[] { (nameof(GuideInput.Phone), "联系电话"), (nameof(GuideInput.Fax), "传真号码") })
        {
            var value = values.GetValueOrDefault(name, "");
            if (value.Length > 0 && value.Count(char.IsAsciiDigit) < 7)
            {
                checks.Check(() => throw new ValidationFailure($"{label}“{value}”不是有效的电话号码（至少7位数字，如 010-12345678）。", name));
            }
        }

        checks.ThrowIfAny();
        return values;
    }

    /// <summary>Trims each line and the whole, and writes line breaks as \n, so an unchanged form compares equal.</summary>
    private static string Normalise(string? text) =>
        string.Join('\n', (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.Trim())).Trim();
}
