namespace Gongkai.Disclosure.Documents;

/// <summary>What an editor enters for a document, on the admin page or through the API.</summary>
public sealed class DocumentInput
{
    /// <summary>The form filled with a document's current values; a revision records its own formed date.</summary>
    public static DocumentInput From(GovDocument d, bool revising) => new()
    {
        OrganId = d.OrganId,
        Title = d.Title,
        IndexNumber = d.IndexNumber,
        DocumentNumber = d.DocumentNumber,
        SubjectCategory = d.SubjectCategory,
        InformationType = d.InformationType,
        Issuer = d.Issuer,
        WrittenOn = d.WrittenOn,
        FormedOn = revising ? null : d.FormedOn,
        Attribute = d.Attribute,
        AttributeReason = d.AttributeReason,
        AttributeLegalBasis = d.AttributeLegalBasis,
        Keywords = d.Keywords,
        Summary = d.Summary,
        Body = d.BodyHtml,
        BodyFormat = "html",
    };

    public Guid? OrganId { get; set; }
    public string? Title { get; set; }
    public string? IndexNumber { get; set; }
    public string? DocumentNumber { get; set; }
    public string? SubjectCategory { get; set; }
    public InformationType InformationType { get; set; } = InformationType.Notice;
    public string? Issuer { get; set; }
    public DateOnly? WrittenOn { get; set; }
    /// <summary>形成或变更日期; defaults to the 成文日期.</summary>
    public DateOnly? FormedOn { get; set; }
    /// <summary>公开属性: required, never assumed.</summary>
    public DisclosureAttribute? Attribute { get; set; }
    public string? AttributeReason { get; set; }
    public string? AttributeLegalBasis { get; set; }
    public string? Keywords { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    /// <summary>"html" (default, rich text; Word/WPS markup cleaned), "markdown" or "text" (each line a paragraph).</summary>
    public string? BodyFormat { get; set; }
}
