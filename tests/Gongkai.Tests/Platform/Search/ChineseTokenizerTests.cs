using Gongkai.Platform.Search;

namespace Gongkai.Tests.Platform.Search;

public class ChineseTokenizerTests
{
    [Theory]
    [InlineData("垃圾分类", "垃圾 圾分 分类", "垃 圾 分 类")]
    [InlineData("低保", "低保", "低 保")]
    [InlineData("税", "税", "税")]
    [InlineData("老旧小区改造", "老旧 旧小 小区 区改 改造", "老 旧 小 区 改 造")]
    [InlineData("２０２３年ＧＤＰ增长", "2023 年 gdp 增长", "年 增 长")]
    [InlineData("西政办发〔2017〕6号", "西政 政办 办发 2017 6 号", "西 政 办 发 号")]
    [InlineData("COVID-19 疫情防控", "covid 19 疫情 情防 防控", "疫 情 防 控")]
    [InlineData("营商环境，优化。", "营商 商环 环境 优化", "营 商 环 境 优 化")]
    [InlineData("〇一", "〇一", "〇 一")]
    [InlineData("", "", "")]
    [InlineData("!!! ...", "", "")]
    public void Han_runs_become_bigrams_and_words_stay_whole(string text, string bigrams, string unigrams)
    {
        var tokens = ChineseTokenizer.Tokenize(text);
        Assert.Equal(bigrams, tokens.BigramText);
        Assert.Equal(unigrams, tokens.UnigramText);
    }

    [Fact]
    public void Characters_outside_the_basic_plane_are_kept_whole()
    {
        var tokens = ChineseTokenizer.Tokenize("𠀀字");
        Assert.Equal("𠀀字", tokens.BigramText);
        Assert.Equal(2, tokens.Unigrams.Count);
    }

    [Theory]
    [InlineData("垃圾分类", 1, "垃圾 圾分 分类", false, false)]
    [InlineData("税", 1, "税", true, false)]
    [InlineData("低保 西城", 2, "低保", false, false)]
    [InlineData("\"西城区 低保\"", 1, "西城 城区 低保", false, true)]
    [InlineData("“义务教育 入学”", 1, "义务 务教 教育 入学", false, true)]
    [InlineData("低保 低保", 1, "低保", false, false)]
    [InlineData("   ", 0, "", false, false)]
    [InlineData("，。！", 0, "", false, false)]
    public void Queries_are_terms_and_quotes_make_phrases(string text, int count, string firstTokens, bool unigram, bool phrase)
    {
        var q = SearchQuery.Parse(text);
        Assert.Equal(count, q.Terms.Count);
        if (count > 0)
        {
            Assert.Equal(firstTokens, string.Join(' ', q.Terms[0].Tokens));
            Assert.Equal(unigram, q.Terms[0].Unigram);
            Assert.Equal(phrase, q.Terms[0].Phrase);
        }
    }

    [Fact]
    public void Queries_are_bounded()
    {
        var q = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 30).Select(i => "词" + i)));
        Assert.Equal(SearchQuery.MaxTerms, q.Terms.Count);
    }

    [Fact]
    public void Highlights_are_the_normalised_runs()
    {
        var q = SearchQuery.Parse("\"ＧＤＰ 增长\"");
        Assert.Equal(["gdp", "增长"], q.Terms[0].Highlights);
    }
}
