using System.Text.RegularExpressions;
using Gongkai.Platform;
using Gongkai.Requests.Applicants;

namespace Gongkai.Requests.Intake;

/// <summary>What an applicant fills in (Art. 29): who they are and how to reach them, what they want and in which form.</summary>
public class RequestInput
{
    public Guid? OrganId { get; set; }
    public ApplicantType? ApplicantType { get; set; }
    public string? ApplicantName { get; set; }
    public string? ContactPerson { get; set; }
    public IdDocumentType? IdDocumentType { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? Email { get; set; }
    public string? InformationWanted { get; set; }
    public string? DocumentNumber { get; set; }
    public InformationForm? Form { get; set; }
    public DeliveryMethod? Delivery { get; set; }
    /// <summary>A random key chosen once per form (or the API's Idempotency-Key): the same key never files twice.</summary>
    public string? SubmissionKey { get; set; }
}

/// <summary>Staff registration of a request that came by another channel, with that channel's dates (Art. 31).</summary>
public sealed class RegistrationInput : RequestInput
{
    public RequestChannel? Channel { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public DateOnly? SignedForOn { get; set; }
    public DateOnly? ConfirmedOn { get; set; }
    public string? StaffNote { get; set; }
}

/// <summary>The input after validation: trimmed, normalised and complete.</summary>
public sealed record ValidApplication(
    Guid OrganId, ApplicantType ApplicantType, string ApplicantName, string? ContactPerson, IdDocumentType IdDocumentType, string IdNumber,
    string Phone, string? Address, string? PostalCode, string? Email, string InformationWanted, string? DocumentNumber,
    InformationForm Form, DeliveryMethod Delivery, string? SubmissionKey);

public static partial class RequestValidation
{
    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{5,22}[0-9]$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")]
    private static partial Regex CreditCodePattern();

    [GeneratedRegex(@"^[A-Za-z0-9\-]{1,64}$")]
    private static partial Regex KeyPattern();

    /// <summary>
    /// Checks every Art. 29 field and reports every problem together (a <see cref="ValidationFailure"/> naming each field,
    /// in the order of the form), so the applicant corrects them all in one go.
    /// </summary>
    public static ValidApplication Validate(RequestInput input, DateOnly today)
    {
        var checks = new FieldChecks();
        var organ = checks.Read(() => input.OrganId ?? throw new ValidationFailure("请选择受理申请的机关。", "OrganId"));
        var type = checks.Read(() => input.ApplicantType is { } t && Enum.IsDefined(t)
            ? t
            : throw new ValidationFailure("请选择申请人类型（自然人，或法人及其他组织的类别）。", "ApplicantType"));
        var typeKnown = !checks.Failed("ApplicantType");
        var name = checks.Read(() => InputText.Field(input.ApplicantName, typeKnown && type.IsOrganisation() ? "申请单位名称" : "申请人姓名", 200, "ApplicantName", required: true)!);
        var contact = checks.Read(() => InputText.Field(input.ContactPerson, "联系人", 100, "ContactPerson"));
        var docType = checks.Read(() => input.IdDocumentType is { } d && Enum.IsDefined(d)
            ? d
            : throw new ValidationFailure("请选择身份证明的证件类型。", "IdDocumentType"));
        var docTypeKnown = !checks.Failed("IdDocumentType");
        var number = checks.Read(() => IdNumber(input, docTypeKnown ? docType : null, typeKnown ? type : null, today));
        var phone = checks.Read(() =>
        {
            var value = InputText.Field(input.Phone, "联系电话", 32, "Phone", required: true)!;
            return PhonePattern().IsMatch(value) ? value : throw new ValidationFailure("联系电话格式不正确，请填写手机号码或带区号的固定电话。", "Phone");
        });
        DeliveryMethod? chosen = input.Delivery is { } m0 && Enum.IsDefined(m0) ? m0 : null;
        var email = checks.Read(() =>
        {
            var value = InputText.Field(input.Email, "电子邮箱", 200, "Email", required: chosen == DeliveryMethod.Email);
            return value is not null && !EmailPattern().IsMatch(value) ? throw new ValidationFailure("电子邮箱格式不正确。", "Email") : value;
        });
        var address = checks.Read(() => InputText.Field(input.Address, "通信地址", 500, "Address", required: chosen == DeliveryMethod.Post));
        var postal = checks.Read(() =>
        {
            var value = InputText.Field(input.PostalCode, "邮政编码", 6, "PostalCode");
            return value is not null && (value.Length != 6 || !value.All(char.IsAsciiDigit)) ? throw new ValidationFailure("邮政编码应为6位数字。", "PostalCode") : value;
        });
        var wanted = checks.Read(() =>
        {
            var value = InputText.Field(input.InformationWanted, "所需信息的名称或内容描述", 4000, "InformationWanted", required: true)!;
            return value.Length < 4 ? throw new ValidationFailure("请具体描述所需信息（名称、文号或便于查询的其他特征），至少4个字。", "InformationWanted") : value;
        });
        var documentNumber = checks.Read(() => InputText.Field(input.DocumentNumber, "文号", 200, "DocumentNumber"));
        var form = checks.Read(() => input.Form is { } f && Enum.IsDefined(f) ? f : throw new ValidationFailure("请选择所需信息的形式（纸质、电子数据或查阅）。", "Form"));
        var delivery = checks.Read(() => chosen ?? throw new ValidationFailure("请选择获取信息的方式。", "Delivery"));
        var key = checks.Read(() =>
        {
            var value = InputText.Field(input.SubmissionKey, "提交标识", 64, "SubmissionKey");
            return value is not null && !KeyPattern().IsMatch(value) ? throw new ValidationFailure("提交标识只能包含字母、数字和连字符。", "SubmissionKey") : value;
        });
        checks.ThrowIfAny();

        return new(organ, type, name, type.IsOrganisation() ? contact : null, docType, number, phone, address, postal, email, wanted,
            documentNumber, form, delivery, key);
    }

    /// <summary>The identity document number, checked against its type (and the applicant's type) when those are known.</summary>
    private static string IdNumber(RequestInput input, IdDocumentType? docType, ApplicantType? type, DateOnly today)
    {
        var number = InputText.Field(input.IdNumber, "证件号码", 64, "IdNumber", required: true)!;
        switch (docType)
        {
            case IdDocumentType.ResidentIdCard:
                number = ResidentIdNumber.Normalize(number);
                switch (ResidentIdNumber.Read(number, today))
                {
                    case ResidentIdReading.WrongLength:
                        throw new ValidationFailure("居民身份证号码不正确：应为18位，最后一位可能是X，请核对后重新填写。", "IdNumber");
                    case ResidentIdReading.ImpossibleBirthDate:
                        throw new ValidationFailure("居民身份证号码不正确：第7至14位的出生日期不存在，请核对后重新填写。", "IdNumber");
                    case ResidentIdReading.WrongCheckCharacter:
                        throw new ValidationFailure("居民身份证号码校验位不正确：可能有一位数字输错，请对照证件核对后重新填写。", "IdNumber");
                }

                break;
            case IdDocumentType.UnifiedSocialCreditCode:
                number = number.ToUpperInvariant();
                if (type is { } t && !t.IsOrganisation())
                {
                    throw new ValidationFailure("自然人请使用个人身份证件；统一社会信用代码适用于法人或其他组织。", "IdDocumentType");
                }

                if (!CreditCodePattern().IsMatch(number))
                {
                    throw new ValidationFailure("统一社会信用代码不正确：应为18位数字或大写字母。", "IdNumber");
                }

                break;
        }

        return number;
    }
}
