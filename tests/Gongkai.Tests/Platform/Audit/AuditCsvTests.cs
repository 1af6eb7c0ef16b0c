using System.Text;
using Gongkai.Platform.Audit;

namespace Gongkai.Tests.Platform.Audit;

public class AuditCsvTests
{
    private static string[] Row(string summary, string actor = "张三（zhangsan）")
    {
        var e = new AuditEvent
        {
            Id = 7,
            At = new DateTimeOffset(2026, 11, 23, 1, 5, 0, TimeSpan.Zero),
            ActorName = actor,
            Role = "Editor",
            Action = "organ.update",
            TargetType = "Organ",
            TargetId = "x",
            Summary = summary,
        };
        var text = Encoding.UTF8.GetString(AuditQuery.ToCsv([e], new Dictionary<Guid, string>())[3..]);
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Times_are_district_local_and_roles_are_in_Chinese()
    {
        var row = Row("普通内容")[1];
        Assert.StartsWith("7,2026-11-23 09:05,张三（zhangsan）,信息编辑,,organ.update,Organ,x,普通内容,", row);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("两行\n内容", "\"两行\n内容\"")]
    public void Cells_are_quoted_and_formulas_neutralised(string summary, string expected)
    {
        var lines = string.Join("\r\n", Row(summary).Skip(1));
        Assert.Contains("," + expected + ",", lines);
    }
}
