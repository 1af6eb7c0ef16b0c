namespace Gongkai.Requests.Applicants;

/// <summary>
/// Who applies, exactly the columns of table 三 of the 2021 annual report (china-rules §4.2):
/// 自然人, and under 法人或其他组织 the five kinds below. There is no subtotal column.
/// </summary>
public enum ApplicantType
{
    /// <summary>自然人</summary>
    NaturalPerson = 1,
    /// <summary>商业企业</summary>
    CommercialEnterprise = 2,
    /// <summary>科研机构</summary>
    ResearchInstitution = 3,
    /// <summary>社会公益组织</summary>
    PublicInterestOrganisation = 4,
    /// <summary>法律服务机构</summary>
    LegalServiceInstitution = 5,
    /// <summary>其他</summary>
    OtherOrganisation = 6,
}

/// <summary>身份证明 of the applicant (Art. 29 (一)).</summary>
public enum IdDocumentType
{
    /// <summary>居民身份证 (checksum verified)</summary>
    ResidentIdCard = 1,
    /// <summary>护照</summary>
    Passport = 2,
    /// <summary>港澳居民来往内地通行证</summary>
    HongKongMacaoPermit = 3,
    /// <summary>台湾居民来往大陆通行证</summary>
    TaiwanPermit = 4,
    /// <summary>外国人永久居留身份证</summary>
    ForeignPermanentResidentCard = 5,
    /// <summary>统一社会信用代码 (organisations)</summary>
    UnifiedSocialCreditCode = 6,
    /// <summary>其他有效证件</summary>
    Other = 9,
}

public static class ApplicantTypes
{
    public static IReadOnlyList<ApplicantType> All { get; } = Enum.GetValues<ApplicantType>();

    public static bool IsOrganisation(this ApplicantType type) => type != ApplicantType.NaturalPerson;

    public static string Label(this ApplicantType type) => type switch
    {
        ApplicantType.NaturalPerson => "自然人",
        ApplicantType.CommercialEnterprise => "商业企业",
        ApplicantType.ResearchInstitution => "科研机构",
        ApplicantType.PublicInterestOrganisation => "社会公益组织",
        ApplicantType.LegalServiceInstitution => "法律服务机构",
        ApplicantType.OtherOrganisation => "其他组织",
        _ => type.ToString(),
    };

    public static IReadOnlyList<IdDocumentType> DocumentTypes { get; } = Enum.GetValues<IdDocumentType>();

    public static string Label(this IdDocumentType type) => type switch
    {
        IdDocumentType.ResidentIdCard => "居民身份证",
        IdDocumentType.Passport => "护照",
        IdDocumentType.HongKongMacaoPermit => "港澳居民来往内地通行证",
        IdDocumentType.TaiwanPermit => "台湾居民来往大陆通行证",
        IdDocumentType.ForeignPermanentResidentCard => "外国人永久居留身份证",
        IdDocumentType.UnifiedSocialCreditCode => "统一社会信用代码证",
        IdDocumentType.Other => "其他有效证件",
        _ => type.ToString(),
    };
}
