using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Organisation;

/// <summary>
/// Creates or changes an organ. Every name — short, full or alias — must be unique across all organs,
/// so that a name in an imported document resolves to exactly one organ.
/// </summary>
public sealed class SaveOrgan(GongkaiDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<Organ> CreateAsync(OrganInput input, StaffRole? asRole, CancellationToken ct = default)
    {
        var aliases = await CheckAsync(input, null, ct);
        var now = clock.GetUtcNow();
        var organ = new Organ
        {
            Code = input.Code!.Trim(),
            ShortName = input.ShortName!.Trim(),
            FullName = input.FullName!.Trim(),
            EnglishName = EnglishNameOf(input),
            Kind = input.Kind,
            ParentId = input.ParentId,
            ReceivesRequests = input.ReceivesRequests,
            IsActive = input.IsActive,
            SortOrder = input.SortOrder,
            CreatedAt = now,
            UpdatedAt = now,
            Aliases = aliases.Select(a => new OrganAlias { Name = a }).ToList(),
        };
        db.Organs.Add(organ);
        audit.Record(PlatformAuditActions.OrganCreate, "Organ", organ.Id.ToString(), $"新增机构“{organ.FullName}”（{organ.ShortName}，代码{organ.Code}）", organ.Id, asRole);
        await db.SaveChangesAsync(ct);
        return organ;
    }

    public async Task<Organ> UpdateAsync(Organ organ, OrganInput input, StaffRole? asRole, CancellationToken ct = default)
    {
        var aliases = await CheckAsync(input, organ.Id, ct);
        var changes = new List<string>();
        void Track(string label, object? before, object? after)
        {
            if (!Equals(before, after))
            {
                changes.Add($"{label}：{before} → {after}");
            }
        }

        Track("代码", organ.Code, input.Code!.Trim());
        Track("简称", organ.ShortName, input.ShortName!.Trim());
        Track("全称", organ.FullName, input.FullName!.Trim());
        Track("英文名称", organ.EnglishName, EnglishNameOf(input));
        Track("类型", organ.Kind, input.Kind);
        Track("上级", organ.ParentId, input.ParentId);
        Track("受理依申请公开", organ.ReceivesRequests, input.ReceivesRequests);
        Track("排序", organ.SortOrder, input.SortOrder);
        Track("在用", organ.IsActive, input.IsActive);
        var oldAliases = string.Join("、", organ.Aliases.Select(a => a.Name).Order());
        var newAliases = string.Join("、", aliases.Order());
        Track("别名", oldAliases, newAliases);
        if (changes.Count == 0)
        {
            return organ;
        }

        organ.Code = input.Code!.Trim();
        organ.ShortName = input.ShortName!.Trim();
        organ.FullName = input.FullName!.Trim();
        organ.EnglishName = EnglishNameOf(input);
        organ.Kind = input.Kind;
        organ.ParentId = input.ParentId;
        organ.ReceivesRequests = input.ReceivesRequests;
        organ.SortOrder = input.SortOrder;
        organ.IsActive = input.IsActive;
        organ.UpdatedAt = clock.GetUtcNow();
        if (oldAliases != newAliases)
        {
            organ.Aliases.RemoveAll(a => !aliases.Contains(a.Name));
            foreach (var name in aliases.Where(n => organ.Aliases.All(a => a.Name != n)))
            {
                organ.Aliases.Add(new OrganAlias { Name = name });
            }
        }

        audit.Record(PlatformAuditActions.OrganUpdate, "Organ", organ.Id.ToString(), $"修改机构“{organ.FullName}”：{string.Join("；", changes)}", organ.Id, asRole);
        await db.SaveChangesAsync(ct);
        return organ;
    }

    /// <summary>
    /// Every check of the form at once (one <see cref="ValidationFailure"/> with all the problems); the names are checked
    /// against the other organs only when they are themselves valid. Answers the aliases to keep.
    /// </summary>
    private async Task<List<string>> CheckAsync(OrganInput input, Guid? self, CancellationToken ct)
    {
        var checks = new FieldChecks();
        checks.Check(() => Require(input.Code, "机构代码", 32, "Code"));
        checks.Check(() => Require(input.ShortName, "简称", 64, "ShortName"));
        checks.Check(() => Require(input.FullName, "全称", 128, "FullName"));
        if (!checks.Failed("Code") && !input.Code!.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            checks.Check(() => throw new ValidationFailure("机构代码只能由字母、数字、“-”和“_”组成（用于索引号）。", "Code"));
        }

        if (EnglishNameOf(input) is { } english)
        {
            if (english.Length > 200)
            {
                throw new ValidationFailure("英文名称不能超过200个字符。", "EnglishName");
            }

            if (english.Any(c => c > '\u024F' || char.IsControl(c)))
            {
                throw new ValidationFailure("英文名称只能使用英文字母、数字和标点（如 Xicheng District Civil Affairs Bureau）。", "EnglishName");
            }
        }

        if (!Enum.IsDefined(input.Kind))
        {
            checks.Check(() => throw new ValidationFailure("请选择机构类型。", "Kind"));
        }

        var aliases = input.AliasList().ToList();
        if (aliases.Any(a => a.Length > 128))
        {
            checks.Check(() => throw new ValidationFailure("别名每个不超过128个字。", "Aliases"));
        }

        if (!checks.Failed("ShortName") && !checks.Failed("FullName"))
        {
            var own = new[] { input.ShortName!.Trim(), input.FullName!.Trim() };
            if (own[0] == own[1])
            {
                checks.Check(() => throw new ValidationFailure("简称和全称不能相同。", "ShortName"));
            }

            aliases.RemoveAll(own.Contains);
        }

        if (!checks.Any)
        {
            await checks.ReadAsync(async () =>
            {
                await EnsureUniqueAsync(input, aliases, self, ct);
                return 0;
            });
        }

        await checks.ReadAsync(async () =>
        {
            await EnsureParentAsync(input.ParentId, self, ct);
            return 0;
        });
        checks.ThrowIfAny();
        return aliases;
    }

    /// <summary>The English name as stored: spaces collapsed, null when blank (checked in <see cref="Validate"/>).</summary>
    private static string? EnglishNameOf(OrganInput input) =>
        InputText.OrNull(input.EnglishName) is { } name ? string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)) : null;

    private static void Require(string? value, string label, int max, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ValidationFailure($"请填写{label}。", field);
        }

        if (value.Trim().Length > max)
        {
            throw new ValidationFailure($"{label}不能超过{max}个字符。", field);
        }
    }

    private async Task EnsureUniqueAsync(OrganInput input, List<string> aliases, Guid? self, CancellationToken ct)
    {
        var code = input.Code!.Trim();
        if (await db.Organs.AnyAsync(o => o.Code == code && o.Id != self, ct))
        {
            throw new ValidationFailure($"机构代码“{code}”已被其他机构使用。", "Code");
        }

        var names = new[] { input.ShortName!.Trim(), input.FullName!.Trim() }.Concat(aliases).ToList();
        var clash = await db.Organs.Where(o => o.Id != self && (names.Contains(o.ShortName) || names.Contains(o.FullName)))
            .Select(o => new { Name = names.Contains(o.ShortName) ? o.ShortName : o.FullName, o.FullName })
            .FirstOrDefaultAsync(ct)
            ?? await db.OrganAliases.Where(a => a.OrganId != self && names.Contains(a.Name))
                .Join(db.Organs, a => a.OrganId, o => o.Id, (a, o) => new { a.Name, o.FullName })
                .FirstOrDefaultAsync(ct);
        if (clash is not null)
        {
            throw new ValidationFailure($"名称“{clash.Name}”已被“{clash.FullName}”使用，机构名称和别名不能重复。", "ShortName");
        }
    }

    private async Task EnsureParentAsync(Guid? parentId, Guid? self, CancellationToken ct)
    {
        if (parentId is null)
        {
            return;
        }

        var tree = await OrganTree.LoadAsync(db, ct);
        if (!tree.Contains(parentId.Value))
        {
            throw new ValidationFailure("上级机构不存在。", "ParentId");
        }

        if (self is { } organ && tree.SelfAndAncestors(parentId.Value).Contains(organ))
        {
            throw new ValidationFailure("不能把机构设为自己或下级机构的下级。", "ParentId");
        }
    }
}
