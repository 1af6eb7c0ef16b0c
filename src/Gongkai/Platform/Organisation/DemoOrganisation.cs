using System.Text.Json;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Organisation;

/// <summary>
/// The demo organisation of 西城区: every unit the seed documents name as 牵头单位/责任单位/负责落实,
/// and the district's 15 street offices (DemoData/xicheng-organs.json). Loaded once into an empty database.
/// </summary>
internal sealed class DemoOrganisation(GongkaiDb db, AuditLog audit, CurrentActor actor, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static IReadOnlyList<DemoOrgan> Organs { get; } = Load();

    public async Task<int> EnsureAsync(CancellationToken ct = default)
    {
        if (await db.Organs.AnyAsync(ct))
        {
            return 0;
        }

        actor.ActAs("系统初始化");
        var now = clock.GetUtcNow();
        var byCode = new Dictionary<string, Organ>();
        var order = 0;
        foreach (var d in Organs)
        {
            var organ = new Organ
            {
                Code = d.Code,
                ShortName = d.ShortName,
                FullName = d.FullName,
                EnglishName = d.EnglishName,
                Kind = d.Kind,
                ReceivesRequests = d.ReceivesRequests,
                IsActive = d.IsActive,
                SortOrder = order++,
                CreatedAt = now,
                UpdatedAt = now,
                Aliases = (d.Aliases ?? []).Select(a => new OrganAlias { Name = a }).ToList(),
                ParentId = d.ParentCode is null ? null : byCode[d.ParentCode].Id,
            };
            byCode[d.Code] = organ;
            db.Organs.Add(organ);
        }

        audit.Record(PlatformAuditActions.OrganImport, "Organ", null, $"载入演示机构数据：西城区{Organs.Count}个机构（含15个街道办事处）");
        await db.SaveChangesAsync(ct);
        return Organs.Count;
    }

    private static List<DemoOrgan> Load()
    {
        using var stream = typeof(DemoOrganisation).Assembly.GetManifestResourceStream("Gongkai.Organisation.xicheng-organs.json")
            ?? throw new InvalidOperationException("演示机构数据缺失。");
        return JsonSerializer.Deserialize<DemoFile>(stream, Json)!.Organs;
    }

    private sealed record DemoFile(string District, List<DemoOrgan> Organs);
}

internal sealed record DemoOrgan(string Code, string ShortName, string FullName, List<string>? Aliases, OrganKind Kind, string? ParentCode, bool ReceivesRequests, bool IsActive = true,
    string? EnglishName = null);
