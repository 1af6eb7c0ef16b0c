using System.Globalization;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Documents;

/// <summary>
/// 索引号 from a configurable template (Disclosure:IndexNumberTemplate; china-rules §7.3 — there is no national
/// format). Placeholders: {organ} (organisation code), {year}, {month}, {seq} with an optional width {seq:5}.
/// The default gives XC022/2026-00001, like gov.cn's 000014349/2015-00200.
/// </summary>
public sealed class IndexNumbers(GongkaiDb db, IConfiguration configuration)
{
    public const string DefaultTemplate = "{organ}/{year}-{seq:5}";

    public async Task<string> NextAsync(Guid organId, DateOnly day, CancellationToken ct = default)
    {
        var template = configuration["Disclosure:IndexNumberTemplate"] ?? DefaultTemplate;
        var code = await db.Organs.Where(o => o.Id == organId).Select(o => o.Code).SingleAsync(ct);
        var seqAt = template.IndexOf("{seq", StringComparison.Ordinal);
        if (seqAt < 0)
        {
            throw new InvalidOperationException("索引号模板必须包含 {seq}。");
        }

        var prefix = Fill(template[..seqAt], code, day);
        var close = template.IndexOf('}', seqAt);
        var width = int.TryParse(template[(seqAt + 4)..close].TrimStart(':'), out var w) ? w : 5;
        var suffix = Fill(template[(close + 1)..], code, day);
        var taken = await db.Documents.Where(d => d.IndexNumber != null && d.IndexNumber.StartsWith(prefix)).Select(d => d.IndexNumber!).ToListAsync(ct);
        var max = taken.Select(t => t[prefix.Length..]).Select(t => suffix.Length > 0 && t.EndsWith(suffix, StringComparison.Ordinal) ? t[..^suffix.Length] : t)
            .Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return prefix + (max + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0') + suffix;
    }

    private static string Fill(string part, string code, DateOnly day) => part
        .Replace("{organ}", code)
        .Replace("{year}", day.Year.ToString(CultureInfo.InvariantCulture))
        .Replace("{month}", day.Month.ToString("00", CultureInfo.InvariantCulture));
}
