namespace Gongkai.Disclosure.Guide;

/// <summary>What staff enter for a guide; <see cref="Version"/> is the version the form was opened on.</summary>
public sealed class GuideInput
{
    public string? Classification { get; set; }
    public string? Arrangement { get; set; }
    public string? Access { get; set; }
    public string? OfficeName { get; set; }
    public string? OfficeAddress { get; set; }
    public string? OfficeHours { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? OnlineContact { get; set; }
    public string? RequestProcedure { get; set; }
    public int Version { get; set; }

    public static GuideInput From(OpennessGuide g) => new()
    {
        Classification = g.Classification,
        Arrangement = g.Arrangement,
        Access = g.Access,
        OfficeName = g.OfficeName,
        OfficeAddress = g.OfficeAddress,
        OfficeHours = g.OfficeHours,
        Phone = g.Phone,
        Fax = g.Fax,
        OnlineContact = g.OnlineContact,
        RequestProcedure = g.RequestProcedure,
        Version = g.Version,
    };

    /// <summary>Every field: its name (for the form), its Chinese label, its limit, whether it must be filled, and how to read and write it.</summary>
    internal static readonly GuideField[] Fields =
    [
        new(nameof(Classification), "政府信息的分类", OpennessGuide.LongText, true, i => i.Classification, g => g.Classification, (g, v) => g.Classification = v),
        new(nameof(Arrangement), "编排体系", OpennessGuide.LongText, true, i => i.Arrangement, g => g.Arrangement, (g, v) => g.Arrangement = v),
        new(nameof(Access), "获取方式", OpennessGuide.LongText, true, i => i.Access, g => g.Access, (g, v) => g.Access = v),
        new(nameof(OfficeName), "工作机构名称", OpennessGuide.ShortText, true, i => i.OfficeName, g => g.OfficeName, (g, v) => g.OfficeName = v),
        new(nameof(OfficeAddress), "办公地址", OpennessGuide.ShortText, true, i => i.OfficeAddress, g => g.OfficeAddress, (g, v) => g.OfficeAddress = v),
        new(nameof(OfficeHours), "办公时间", OpennessGuide.ShortText, true, i => i.OfficeHours, g => g.OfficeHours, (g, v) => g.OfficeHours = v),
        new(nameof(Phone), "联系电话", OpennessGuide.ShortText, true, i => i.Phone, g => g.Phone, (g, v) => g.Phone = v),
        new(nameof(Fax), "传真号码", OpennessGuide.ShortText, false, i => i.Fax, g => g.Fax, (g, v) => g.Fax = v),
        new(nameof(OnlineContact), "互联网联系方式", OpennessGuide.ShortText, true, i => i.OnlineContact, g => g.OnlineContact, (g, v) => g.OnlineContact = v),
        new(nameof(RequestProcedure), "依申请公开程序", OpennessGuide.LongText, true, i => i.RequestProcedure, g => g.RequestProcedure, (g, v) => g.RequestProcedure = v),
    ];
}

internal sealed record GuideField(string Name, string Label, int Max, bool Required, Func<GuideInput, string?> Input, Func<OpennessGuide, string> Read, Action<OpennessGuide, string> Write);
