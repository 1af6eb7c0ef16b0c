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
        var code = await db.Organs.Where(o => o.Id == organId).Select(o => o.Code).SingleAsync(ct);
        var layout = LayoutFor(Template(configuration), code, day);
        var taken = await db.Documents.Where(d => d.IndexNumber != null && d.IndexNumber.StartsWith(layout.Prefix)).Select(d => d.IndexNumber!).ToListAsync(ct);
        var max = taken.Select(layout.SequenceOf).DefaultIfEmpty(0).Max();
        return layout.Format(max + 1);
    }

    /// <summary>The configured template (Disclosure:IndexNumberTemplate) or the default.</summary>
    public static string Template(IConfiguration configuration) => configuration["Disclosure:IndexNumberTemplate"] ?? DefaultTemplate;

    /// <summary>The fixed text before and after the sequence number for one organ and day, and the number's width.</summary>
    public sealed record Layout(string Prefix, int Width, string Suffix)
    {
        public string Format(int sequence) => Prefix + sequence.ToString(CultureInfo.InvariantCulture).PadLeft(Width, '0') + Suffix;

        /// <summary>The sequence number of an index number with this prefix, or 0 when it has another form.</summary>
        public int SequenceOf(string indexNumber)
        {
            var t = indexNumber[Prefix.Length..];
            t = Suffix.Length > 0 && t.EndsWith(Suffix, StringComparison.Ordinal) ? t[..^Suffix.Length] : t;
            return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        }
    }

    public static Layout LayoutFor(string template, string organCode, DateOnly day)
    {
        var seqAt = template.IndexOf("{seq", StringComparison.Ordinal);
        if (seqAt < 0)
        {
            throw new InvalidOperationException("索引号模板必须包含 {seq}。");
        }

        var close = template.IndexOf('}', seqAt);
        var width = int.TryParse(template[(seqAt + 4)..close].TrimStart(':'), out var w) ? w : 5;
        return new Layout(Fill(template[..seqAt], organCode, day), width, Fill(template[(close + 1)..], organCode, day));
    }

    private static string Fill(string part, string code, DateOnly day) => part
        .Replace("{organ}", code)
        .Replace("{year}", day.Year.ToString(CultureInfo.InvariantCulture))
        .Replace("{month}", day.Month.ToString("00", CultureInfo.InvariantCulture));
}
