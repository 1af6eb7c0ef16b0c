using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Letters;

/// <summary>The wording in force for a template key: a stored version, or the shipped default (version 0).</summary>
public sealed record TemplateText(string Key, int Version, string Title, string Body, DateTimeOffset? SavedAt = null, string? SavedBy = null, string? Note = null)
{
    public bool IsDefault => Version == 0;
}

/// <summary>Reads templates: the current version of each key and the history of one.</summary>
public sealed class LetterTemplates(GongkaiDb db)
{
    public static readonly StaffRole[] Editors = [StaffRole.OpennessOffice, StaffRole.SystemAdministrator];

    public async Task<TemplateText> CurrentAsync(string key, CancellationToken ct = default)
    {
        var stored = await db.LetterTemplates.AsNoTracking().Where(t => t.Key == key).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        return stored is null ? Default(key) : ToText(stored);
    }

    public async Task<IReadOnlyList<TemplateText>> AllCurrentAsync(CancellationToken ct = default)
    {
        var stored = (await db.LetterTemplates.AsNoTracking().ToListAsync(ct))
            .GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Version)!);
        return LetterKeys.All().Select(k => stored.TryGetValue(k, out var t) ? ToText(t) : Default(k)).ToList();
    }

    /// <summary>Every saved version, newest first, then the shipped default.</summary>
    public async Task<IReadOnlyList<TemplateText>> HistoryAsync(string key, CancellationToken ct = default)
    {
        var stored = await db.LetterTemplates.AsNoTracking().Where(t => t.Key == key).OrderByDescending(t => t.Version).ToListAsync(ct);
        return [.. stored.Select(ToText), Default(key)];
    }

    public static TemplateText Default(string key)
    {
        var (title, body) = DefaultTemplates.For(key);
        return new TemplateText(key, 0, title, body);
    }

    private static TemplateText ToText(LetterTemplate t) => new(t.Key, t.Version, t.Title, t.Body, t.CreatedAt, t.CreatedByName, t.Note);
}

public sealed class TemplateInput
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Note { get; set; }
    /// <summary>The version the clerk started from; a save on top of a newer version is refused.</summary>
    public int? BaseVersion { get; set; }
}

/// <summary>
/// Saves a new version of a letter template (openness office, district-wide). Unknown placeholders, a missing
/// appeal-rights placeholder or an edit on top of someone else's newer version are refused; the audit event is
/// written in the same unit of work.
/// </summary>
public sealed class SaveLetterTemplate(GongkaiDb db, LetterTemplates templates, StaffAccess access, AuditLog audit, CurrentActor actor, TimeProvider clock)
{
    public async Task<TemplateText> HandleAsync(string key, TemplateInput input, CancellationToken ct = default)
    {
        var role = await access.DistrictRoleAsync(LetterTemplates.Editors)
            ?? throw new ForbiddenAction("只有全区政务公开办或系统管理员可以修改文书模板。");
        if (LetterKeys.Parse(key) is null)
        {
            throw new ValidationFailure("没有这种文书模板。");
        }

        var title = input.Title?.Trim();
        var body = input.Body?.Replace("\r\n", "\n").TrimEnd();
        LetterPlaceholders.Check(key, title, body);
        var current = await templates.CurrentAsync(key, ct);
        if (input.BaseVersion is { } baseVersion && baseVersion != current.Version)
        {
            throw new ValidationFailure($"模板已被他人修改为第{current.Version}版，请刷新页面，在最新版本上修改。");
        }

        if (current.Title == title && current.Body == body)
        {
            throw new ValidationFailure("模板没有改动。", "Body");
        }

        var note = input.Note?.Trim();
        if (note is { Length: > 500 })
        {
            throw new ValidationFailure("修改说明不能超过500个字。", "Note");
        }

        var saved = new LetterTemplate
        {
            Key = key,
            Version = current.Version + 1,
            Title = title!,
            Body = body!,
            Note = string.IsNullOrEmpty(note) ? null : note,
            CreatedAt = clock.GetUtcNow(),
            CreatedById = actor.UserId,
            CreatedByName = actor.Name,
        };
        db.LetterTemplates.Add(saved);
        audit.Record(RequestAuditActions.LetterTemplateSave, "LetterTemplate", key, $"{LetterKeys.Label(key)}：保存第{saved.Version}版{(saved.Note is { } n ? "（" + n + "）" : "")}", null, role);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ValidationFailure("模板刚被他人修改，请刷新页面后重试。");
        }

        return new TemplateText(key, saved.Version, saved.Title, saved.Body, saved.CreatedAt, saved.CreatedByName, saved.Note);
    }
}
