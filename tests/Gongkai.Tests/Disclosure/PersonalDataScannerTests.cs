using Gongkai.Disclosure.Review;
using Gongkai.Platform;

namespace Gongkai.Tests.Disclosure;

public class PersonalDataScannerTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static PersonalDataFinding Single(string text, PersonalDataKind kind)
    {
        var findings = PersonalDataScanner.Scan(text, Today);
        var f = Assert.Single(findings);
        Assert.Equal(kind, f.Kind);
        return f;
    }

    [Theory]
    [InlineData("申请人身份证号11010519491231002X，现居", "11010519491231002X")]
    [InlineData("证件号码：11010519491231002x。", "11010519491231002x")]
    [InlineData("110102198001011239", "110102198001011239")]
    [InlineData("编号310115199311087646号", "310115199311087646")]
    public void Resident_ID_numbers_with_a_valid_checksum_are_found(string text, string expected)
    {
        Assert.Equal(expected, Single(text, PersonalDataKind.IdNumber).Text);
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("110102198013011234")]
    [InlineData("110102203001011234")]
    [InlineData("索引号 000014349/2015-00200")]
    [InlineData("项目编号1101051949123100299")]
    [InlineData("批次 ABC11010519491231002X")]
    public void Look_alikes_are_not_ID_numbers(string text)
    {
        Assert.DoesNotContain(PersonalDataScanner.Scan(text, Today), f => f.Kind == PersonalDataKind.IdNumber);
    }

    [Theory]
    [InlineData("联系电话13800138000", "13800138000")]
    [InlineData("手机：138 0013 8000", "138 0013 8000")]
    [InlineData("手机 +86 139-1234-5678 联系", "+86 139-1234-5678")]
    [InlineData("请拨19912345678。", "19912345678")]
    public void Mobile_numbers_are_found(string text, string expected)
    {
        Assert.Equal(expected, Single(text, PersonalDataKind.Mobile).Text);
    }

    [Theory]
    [InlineData("12345678901")]
    [InlineData("编号 123800138000")]
    [InlineData("2023年10月18日至11月")]
    public void Other_numbers_are_not_mobiles(string text)
    {
        Assert.DoesNotContain(PersonalDataScanner.Scan(text, Today), f => f.Kind == PersonalDataKind.Mobile);
    }

    [Theory]
    [InlineData("咨询电话：010-66123456", "010-66123456")]
    [InlineData("电话(010)83970000转", "(010)83970000")]
    [InlineData("传真 0571-87654321-801", "0571-87654321-801")]
    public void Landlines_with_an_area_code_are_found(string text, string expected)
    {
        Assert.Equal(expected, Single(text, PersonalDataKind.Landline).Text);
    }

    [Theory]
    [InlineData("2023-10-18")]
    [InlineData("第010-2号文件")]
    [InlineData("京ICP备05060933号")]
    public void Dates_and_codes_are_not_landlines(string text)
    {
        Assert.DoesNotContain(PersonalDataScanner.Scan(text, Today), f => f.Kind == PersonalDataKind.Landline);
    }

    [Theory]
    [InlineData("收款账号6222021234567890128", "6222021234567890128")]
    [InlineData("卡号 6217 0000 0001 2345 678", "6217 0000 0001 2345 678")]
    [InlineData("4532015112830366", "4532015112830366")]
    public void Bank_cards_passing_Luhn_are_found(string text, string expected)
    {
        Assert.Equal(expected, Single(text, PersonalDataKind.BankCard).Text);
    }

    [Theory]
    [InlineData("6222021234567890123")]
    [InlineData("1234567890123456")]
    [InlineData("5555555555555555")]
    public void Numbers_failing_Luhn_or_obviously_fake_are_not_cards(string text)
    {
        Assert.DoesNotContain(PersonalDataScanner.Scan(text, Today), f => f.Kind == PersonalDataKind.BankCard);
    }

    [Theory]
    [InlineData("邮箱zhang.san@example.com。", "zhang.san@example.com")]
    [InlineData("发送至 li_si+gk@mail.xicheng.gov.cn 即可", "li_si+gk@mail.xicheng.gov.cn")]
    public void Email_addresses_are_found(string text, string expected)
    {
        Assert.Equal(expected, Single(text, PersonalDataKind.Email).Text);
    }

    [Theory]
    [InlineData("例如 @某某 或 a@b")]
    [InlineData("标签 #@政务公开")]
    public void Handles_and_fragments_are_not_emails(string text)
    {
        Assert.DoesNotContain(PersonalDataScanner.Scan(text, Today), f => f.Kind == PersonalDataKind.Email);
    }

    [Theory]
    [InlineData("当事人住西城区新街口东街31号院2号楼3单元401室，", "西城区新街口东街31号院2号楼3单元401室")]
    [InlineData("家住月坛北小区5号楼2门302号", "家住月坛北小区5号楼2门302号")]
    [InlineData("家庭住址：北京市西城区某某胡同甲5号。", "北京市西城区某某胡同甲5号")]
    public void Home_addresses_down_to_a_building_or_room_are_found(string text, string expected)
    {
        Assert.Contains(expected, Single(text, PersonalDataKind.Address).Text);
    }

    [Theory]
    [InlineData("办公地址：北京市西城区二龙路27号")]
    [InlineData("地址：西城区广安门南街48号")]
    [InlineData("位于金融街社区")]
    public void Office_addresses_are_not_flagged(string text)
    {
        Assert.DoesNotContain(PersonalDataScanner.Scan(text, Today), f => f.Kind == PersonalDataKind.Address);
    }

    [Fact]
    public void A_document_with_several_kinds_yields_each_once_in_order()
    {
        var text = "张三，身份证110102198001011239，手机13800138000，邮箱zs@example.com，银行卡6222021234567890128。";
        var kinds = PersonalDataScanner.Scan(text, Today).Select(f => f.Kind);
        Assert.Equal([PersonalDataKind.IdNumber, PersonalDataKind.Mobile, PersonalDataKind.Email, PersonalDataKind.BankCard], kinds);
    }

    [Fact]
    public void A_clean_government_notice_has_no_findings()
    {
        var text = "北京市西城区人民政府办公室关于印发《西城区2023年政务公开工作要点》的通知（西政办发〔2023〕6号），" +
            "成文日期2023年5月22日，联系地址：北京市西城区二龙路27号，邮编100032。";
        Assert.Empty(PersonalDataScanner.Scan(text, Today));
    }

    [Theory]
    [InlineData("110102198001011239", PersonalDataKind.IdNumber, "110***********1239")]
    [InlineData("13800138000", PersonalDataKind.Mobile, "138****8000")]
    [InlineData("138 0013 8000", PersonalDataKind.Mobile, "138 **** 8000")]
    [InlineData("010-66123456", PersonalDataKind.Landline, "010-******56")]
    [InlineData("6222021234567890128", PersonalDataKind.BankCard, "***************0128")]
    [InlineData("zhang.san@example.com", PersonalDataKind.Email, "z********@example.com")]
    [InlineData("西城区新街口东街31号院2号楼3单元401室", PersonalDataKind.Address, "西城区新街口东街***")]
    public void Masks_follow_the_default_rules(string text, PersonalDataKind kind, string masked)
    {
        Assert.Equal(masked, new MaskingRules().Mask(new PersonalDataFinding(kind, 0, text.Length, text)));
    }

    [Fact]
    public void Mask_rules_are_configurable()
    {
        var rules = new MaskingRules { MaskChar = '×', IdNumber = new MaskRule { KeepStart = 6, KeepEnd = 0 } };
        Assert.Equal("110102××××××××××××", rules.Mask(new PersonalDataFinding(PersonalDataKind.IdNumber, 0, 18, "110102198001011239")));
    }

    [Fact]
    public void Applying_masks_replaces_every_finding_and_leaves_the_rest()
    {
        var text = "手机13800138000，邮箱zs@example.com。";
        var masked = new MaskingRules().Apply(text, PersonalDataScanner.Scan(text, Today));
        Assert.Equal("手机138****8000，邮箱z***@example.com。", masked);
        Assert.Empty(PersonalDataScanner.Scan(masked, Today));
    }

    [Theory]
    [InlineData("110102199001011234", "110102199001011234")] // check character should be 3
    [InlineData("身份证号码：44030119851130271X，", "44030119851130271X")] // X where 5 belongs
    [InlineData("320106197002285031", "320106197002285031")]
    [InlineData("110105194912310021", "110105194912310021")] // 1 where X belongs
    [InlineData("申请人张三（身份证110102199001011234）来电咨询", "110102199001011234")]
    [InlineData("证件：11010219900101123x。", "11010219900101123x")] // lower-case x where 3 belongs
    public void An_ID_number_with_a_wrong_check_character_is_flagged_as_a_probable_ID_number(string text, string expected)
    {
        var f = Single(text, PersonalDataKind.MistypedIdNumber);
        Assert.Equal(expected, f.Text);
        Assert.Equal(text.IndexOf(expected, StringComparison.Ordinal), f.Start);
        Assert.Equal("疑似身份证号码（校验位不正确）", f.Kind.Label());
    }

    [Theory]
    [InlineData("110102199002301232")] // 30 February, whatever the check character
    [InlineData("110102199013011234")] // month 13
    [InlineData("110102203001011234")] // born after today
    [InlineData("110102189901011234")] // born before 1900
    [InlineData("100102199001011234")] // no province 10
    [InlineData("项目编号1101021990010112345")] // 19 digits
    [InlineData("批次AB110102199001011234")] // part of a longer code
    public void A_number_without_a_real_region_or_birth_date_is_no_ID_number(string text)
    {
        Assert.DoesNotContain(PersonalDataScanner.Scan(text, Today), f => f.Kind is PersonalDataKind.IdNumber or PersonalDataKind.MistypedIdNumber or PersonalDataKind.OldIdNumber);
    }

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("110102199001011233")]
    [InlineData("440301198511302715")]
    public void A_valid_ID_number_stays_an_ID_number_and_not_a_probable_one(string text)
    {
        Single(text, PersonalDataKind.IdNumber);
    }

    [Theory]
    [InlineData("110102900101123", true)] // born 1990-01-01
    [InlineData("老身份证号440301851130271。", true)]
    [InlineData("110102901301123", false)] // month 13
    [InlineData("100102900101123", false)] // no province 10
    [InlineData("1101029001011234", false)] // 16 digits
    public void Fifteen_digit_numbers_of_before_1999_are_flagged_as_old_ID_numbers(string text, bool found)
    {
        var old = PersonalDataScanner.Scan(text, Today).Where(f => f.Kind == PersonalDataKind.OldIdNumber).ToList();
        Assert.Equal(found ? 1 : 0, old.Count);
    }

    [Fact]
    public void A_probable_and_an_old_ID_number_are_masked_like_an_ID_number()
    {
        var text = "张三110102199001011234，李四110102900101123。";
        var masked = new MaskingRules().Apply(text, PersonalDataScanner.Scan(text, Today));
        Assert.Equal("张三110***********1234，李四110********1123。", masked);
        Assert.Empty(PersonalDataScanner.Scan(masked, Today));
    }

    [Theory]
    [InlineData("110102199001011233", ResidentIdReading.Valid)]
    [InlineData("11010519491231002x", ResidentIdReading.Valid)]
    [InlineData("110102199001011234", ResidentIdReading.WrongCheckCharacter)]
    [InlineData("110102199002301232", ResidentIdReading.ImpossibleBirthDate)]
    [InlineData("11010219900101123", ResidentIdReading.WrongLength)]
    [InlineData("1101021990010112334", ResidentIdReading.WrongLength)]
    [InlineData("110102900101123", ResidentIdReading.WrongLength)]
    [InlineData("11010219900101123Y", ResidentIdReading.WrongLength)]
    public void The_shared_reading_tells_length_birth_date_and_check_character_apart(string number, ResidentIdReading expected)
    {
        Assert.Equal(expected, ResidentIdNumber.Read(number, Today));
    }
}
