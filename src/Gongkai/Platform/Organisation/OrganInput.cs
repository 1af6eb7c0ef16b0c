namespace Gongkai.Platform.Organisation;

/// <summary>What a clerk enters for an organ, on the admin page or through the API.</summary>
public sealed class OrganInput
{
    public string? Code { get; set; }
    public string? ShortName { get; set; }
    public string? FullName { get; set; }
    /// <summary>The official English name, optional (shown on the English pages).</summary>
    public string? EnglishName { get; set; }
    /// <summary>Other names, separated by commas, 、 or new lines.</summary>
    public string? Aliases { get; set; }
    public OrganKind Kind { get; set; } = OrganKind.Department;
    public Guid? ParentId { get; set; }
    public bool ReceivesRequests { get; set; } = true;
    /// <summary>False for an organ abolished or merged away; it stays for the records that name it.</summary>
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }

    internal IReadOnlyList<string> AliasList() =>
        (Aliases ?? "").Split([',', '，', '、', ';', '；', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct()
            .ToList();
}
