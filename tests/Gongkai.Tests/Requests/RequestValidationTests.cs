using Gongkai.Platform;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Intake;

namespace Gongkai.Tests.Requests;

public class RequestValidationTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static RequestInput Valid() => new()
    {
        OrganId = Guid.NewGuid(),
        ApplicantType = ApplicantType.NaturalPerson,
        ApplicantName = "张三",
        IdDocumentType = IdDocumentType.ResidentIdCard,
        IdNumber = "11010519850612123x",
        Phone = "13800138000",
        InformationWanted = "2025年西城区老旧小区改造项目清单",
        Form = InformationForm.Electronic,
        Delivery = DeliveryMethod.Email,
        Email = "zhang@example.cn",
    };

    [Fact]
    public void A_complete_application_is_normalised()
    {
        var app = RequestValidation.Validate(Valid(), Today);
        Assert.Equal("11010519850612123X", app.IdNumber);
        Assert.Null(app.ContactPerson);
    }

    [Theory]
    [InlineData("110105198506121231", "居民身份证号码校验位不正确")] // wrong check character
    [InlineData("110102199001011234", "居民身份证号码校验位不正确")] // 18 digits, a real birth date, the check should be 3
    [InlineData("11010219900101123x", "居民身份证号码校验位不正确")] // x where 3 belongs
    [InlineData("11010519850612123", "应为18位")] // 17 digits
    [InlineData("1101051985061212311", "应为18位")] // 19 digits
    [InlineData("110105900612123", "应为18位")] // a 15-digit number of before 1999
    [InlineData("1101051985061212Y1", "应为18位")] // a letter inside
    [InlineData("110105209906121236", "出生日期不存在")] // born in the future
    [InlineData("110102199002301232", "出生日期不存在")] // 30 February
    public void An_unreadable_resident_id_number_is_refused_saying_what_is_wrong(string number, string words)
    {
        var input = Valid();
        input.IdNumber = number;
        var e = Assert.Throws<ValidationFailure>(() => RequestValidation.Validate(input, Today));
        Assert.Contains(words, e.Message);
        Assert.StartsWith("居民身份证号码", e.Message);
        Assert.Equal("IdNumber", e.Field);
        if (number.Length == 18 && !words.Contains("应为18位", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("应为18位", e.Message);
        }
    }

    [Fact]
    public void A_passport_number_is_not_checked_as_a_resident_id()
    {
        var input = Valid();
        input.IdDocumentType = IdDocumentType.Passport;
        input.IdNumber = "E12345678";
        Assert.Equal("E12345678", RequestValidation.Validate(input, Today).IdNumber);
    }

    [Theory]
    [InlineData("ApplicantName", "请填写申请人姓名")]
    [InlineData("Phone", "请填写联系电话")]
    [InlineData("InformationWanted", "请填写所需信息")]
    [InlineData("Email", "请填写电子邮箱")]
    [InlineData("OrganId", "请选择受理申请的机关")]
    [InlineData("Form", "请选择所需信息的形式")]
    public void A_missing_required_field_is_named(string field, string words)
    {
        var input = Valid();
        typeof(RequestInput).GetProperty(field)!.SetValue(input, null);
        var e = Assert.Throws<ValidationFailure>(() => RequestValidation.Validate(input, Today));
        Assert.Contains(words, e.Message);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Delivery_by_post_needs_an_address()
    {
        var input = Valid();
        input.Delivery = DeliveryMethod.Post;
        Assert.Equal("Address", Assert.Throws<ValidationFailure>(() => RequestValidation.Validate(input, Today)).Field);
    }

    [Fact]
    public void A_natural_person_cannot_use_a_credit_code_and_an_organisation_needs_a_valid_one()
    {
        var input = Valid();
        input.IdDocumentType = IdDocumentType.UnifiedSocialCreditCode;
        input.IdNumber = "91110102MA01ABCD1X";
        Assert.Contains("自然人", Assert.Throws<ValidationFailure>(() => RequestValidation.Validate(input, Today)).Message);
        input.ApplicantType = ApplicantType.LegalServiceInstitution;
        Assert.Equal("91110102MA01ABCD1X", RequestValidation.Validate(input, Today).IdNumber);
        input.IdNumber = "123";
        Assert.Contains("统一社会信用代码不正确", Assert.Throws<ValidationFailure>(() => RequestValidation.Validate(input, Today)).Message);
    }

    [Fact]
    public void Secrets_are_checked_by_hash_ignoring_case_and_dashes()
    {
        var secret = RequestSecret.Generate();
        var hash = RequestSecret.Hash(secret);
        Assert.True(RequestSecret.Matches(hash, RequestSecret.Display(secret).ToLowerInvariant()));
        Assert.False(RequestSecret.Matches(hash, secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A')));
        Assert.False(RequestSecret.Matches(hash, ""));
    }

    [Theory]
    [InlineData("110102199003070026", "110***********0026")]
    [InlineData("13800138000", "138****8000")]
    public void Personal_data_is_masked(string value, string masked) =>
        Assert.Equal(masked, value.Length == 18 ? ApplicantMask.IdNumber(value) : ApplicantMask.Phone(value));
}
