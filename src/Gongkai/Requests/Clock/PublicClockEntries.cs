namespace Gongkai.Requests.Clock;

/// <summary>
/// The clock's events as the public may read them (the tracking page, the status API): the staff member who approved an
/// extension is not named (经政府信息公开工作机构负责人同意, without the name), and a consulted third party — often a
/// person or a company — is called 第三方甲, 乙 … in the order consulted, the same name for the same party, so the
/// computation (which matches an answer to its consultation by party) gives exactly the staff page's dates. Pure.
/// </summary>
public static class PublicClockEntries
{
    private const string Placeholders = "甲乙丙丁戊己庚辛壬癸";

    public static IReadOnlyList<ClockEntry> Of(IEnumerable<ClockEntry> entries)
    {
        var list = entries.ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in list.Where(e => e.Kind == ClockEventKind.ThirdPartyConsulted && e.Party is not null))
        {
            if (!names.ContainsKey(e.Party!))
            {
                names[e.Party!] = names.Count < Placeholders.Length ? Placeholders[names.Count].ToString() : (names.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return list.Select(e => e with
        {
            ApprovedBy = null,
            Party = e.Kind is ClockEventKind.ThirdPartyConsulted or ClockEventKind.ConsultationAnswered && e.Party is { } p && names.TryGetValue(p, out var alias) ? alias : e.Party,
        }).ToList();
    }
}
