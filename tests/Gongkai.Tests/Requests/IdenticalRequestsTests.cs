using Gongkai.Requests;
using Gongkai.Requests.Applicants;
using Gongkai.Requests.Insight;

namespace Gongkai.Tests.Requests;

/// <summary>Art. 44: which descriptions ask for the same information, and which groups of requests count as several applicants'.</summary>
public sealed class IdenticalRequestsTests
{
    [Theory]
    [InlineData("本区2025年养老服务驿站运营补贴发放情况", "申请公开2025年本区养老服务驿站运营补贴的发放情况")]
    [InlineData("本区2025年养老服务驿站运营补贴发放情况", "请提供本区2025年度养老服务驿站运营补贴发放明细")]
    [InlineData("西城区老旧小区综合整治项目的招标文件", "关于西城区老旧小区综合整治项目招标文件的相关信息")]
    [InlineData("２０２５年度区财政预算执行情况", "2025年度区财政预算执行情况")]
    public void Same_information_in_other_words_is_the_same_request(string a, string b) => Assert.True(SimilarDescriptions.Same(a, b),
        $"{SimilarDescriptions.Similarity(SimilarDescriptions.Shingles(a), SimilarDescriptions.Shingles(b)):F2}");

    [Theory]
    [InlineData("本区2025年养老服务驿站运营补贴发放情况", "本区2024年城市道路维修计划")]
    [InlineData("本区2025年养老服务驿站运营补贴发放情况", "本区2025年社区卫生服务中心运营经费")]
    [InlineData("西城区老旧小区综合整治项目的招标文件", "西城区老旧小区加装电梯补贴标准")]
    [InlineData("申请公开相关信息", "申请公开有关情况")]
    public void Different_information_is_not(string a, string b) => Assert.False(SimilarDescriptions.Same(a, b),
        $"{SimilarDescriptions.Similarity(SimilarDescriptions.Shingles(a), SimilarDescriptions.Shingles(b)):F2}");

    [Fact]
    public void A_group_needs_two_applicants_and_one_organ()
    {
        var organ = Guid.NewGuid();
        var other = Guid.NewGuid();
        var rows = new[]
        {
            R(organ, "张三", "本区2025年养老服务驿站运营补贴发放情况", "2026-03-02"),
            R(organ, "张 三", "本区2025年养老服务驿站运营补贴发放情况", "2026-03-05"),
            R(organ, "孙八", "区民政局2026年社会救助资金预算表", "2026-03-03"),
            R(organ, "孙八", "区民政局2026年社会救助资金预算表格", "2026-03-04"),
            R(other, "钱七", "本区2025年养老服务驿站运营补贴发放情况", "2026-03-06"),
            R(organ, "李四", "申请公开2025年本区养老服务驿站运营补贴的发放情况", "2026-03-09"),
            R(organ, "赵六", "本区2024年城市道路维修计划", "2026-03-10"),
        };

        var group = Assert.Single(IdenticalRequests.Group(rows));
        Assert.Equal(organ, group.OrganId);
        Assert.Equal(2, group.Applicants);
        Assert.Equal(["张三", "张 三", "李四"], group.Requests.Select(r => r.ApplicantName));
        Assert.Equal("张三", group.First.ApplicantName);

        // The same two descriptions as one applicant's are not Art. 44's case; a second applicant makes them one.
        Assert.Empty(IdenticalRequests.Group(rows.Where(r => r.ApplicantName != "李四").ToList()));
    }

    [Fact]
    public void Links_are_transitive_and_a_legal_person_is_another_applicant()
    {
        var organ = Guid.NewGuid();
        var rows = new[]
        {
            R(organ, "甲公司", "西城区老旧小区综合整治项目的招标文件", "2026-03-02", ApplicantType.CommercialEnterprise),
            R(organ, "甲公司", "西城区老旧小区综合整治项目的招标文件和中标结果", "2026-03-03", ApplicantType.CommercialEnterprise),
            R(organ, "乙", "老旧小区综合整治项目中标结果公示", "2026-03-04"),
        };

        var group = Assert.Single(IdenticalRequests.Group(rows));
        Assert.Equal(3, group.Requests.Count);
        Assert.Equal(2, group.Applicants);
    }

    private static RequestDescription R(Guid organ, string name, string wanted, string on, ApplicantType type = ApplicantType.NaturalPerson) =>
        new(Guid.NewGuid(), "2026-X-" + on + name, organ, type, name, wanted, DateOnly.Parse(on), RequestStage.InHandling, null);
}
