using Gongkai.Disclosure.Documents;
using Gongkai.Platform;

namespace Gongkai.Tests.Disclosure;

public class DocumentNumberTests
{
    [Theory]
    [InlineData("西政办发〔2017〕6号", "西政办发〔2017〕6号")]
    [InlineData("西政办发[2017]6号", "西政办发〔2017〕6号")]
    [InlineData("西政办发(2017)6号", "西政办发〔2017〕6号")]
    [InlineData("西政办发（2017）6号", "西政办发〔2017〕6号")]
    [InlineData("西政办发【2017】06号", "西政办发〔2017〕6号")]
    [InlineData("国办发〔2017〕第47号", "国办发〔2017〕47号")]
    [InlineData(" 京政发 [ 2016 ] 8 号 ", "京政发〔2016〕8号")]
    [InlineData("国办公开办函〔2021〕30号", "国办公开办函〔2021〕30号")]
    [InlineData("国办发明电〔2015〕18号", "国办发明电〔2015〕18号")]
    [InlineData("西政办发［2017］６号", "西政办发〔2017〕6号")]
    public void All_bracket_forms_normalise_to_six_cornered_brackets(string text, string expected)
    {
        Assert.Equal(expected, DocumentNumber.Normalize(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("西政办发2017年6号")]
    [InlineData("〔2017〕6号")]
    [InlineData("西政办发〔17〕6号")]
    [InlineData("西政办发〔2017〕0号")]
    [InlineData("西政办发〔2017〕6")]
    [InlineData("西政办发〔1900〕6号")]
    public void Malformed_numbers_are_refused_with_an_example(string text)
    {
        var e = Assert.Throws<ValidationFailure>(() => DocumentNumber.Normalize(text));
        Assert.Contains("例如 西政办发〔2017〕6号", e.Message);
    }

    [Fact]
    public void The_parts_are_available()
    {
        Assert.True(DocumentNumber.TryParse("西政办发〔2023〕12号", out var n));
        Assert.Equal(new DocumentNumber("西政办发", 2023, 12), n);
    }
}
