using Gongkai.Disclosure.Documents;

namespace Gongkai.Tests.Disclosure;

public class DocumentBodyTests
{
    [Theory]
    [InlineData("<p>正文</p><script>alert(1)</script>")]
    [InlineData("<p onclick=\"x()\">正文</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">链接</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<OBJECT data=\"x.swf\"></OBJECT>")]
    public void Active_content_is_detected_so_it_can_be_refused(string html)
    {
        Assert.True(DocumentBody.HasActiveContent(html));
    }

    [Theory]
    [InlineData("<p>一、总体要求</p><table><tr><td>事项</td></tr></table>")]
    [InlineData("<p>联系方式：<a href=\"mailto:gk@example.gov.cn\">邮箱</a></p>")]
    public void Ordinary_government_html_is_not_active(string html)
    {
        Assert.False(DocumentBody.HasActiveContent(html));
    }

    [Fact]
    public void Html_is_sanitised_and_keeps_structure()
    {
        var clean = DocumentBody.FromHtml("<h2>一、总体要求</h2><p style=\"color:red\">坚持<strong>依法公开</strong>。</p><form><input></form>");
        Assert.Equal("<h2>一、总体要求</h2><p>坚持<strong>依法公开</strong>。</p>", clean.Html);
        Assert.Equal("一、总体要求\n坚持依法公开。", clean.Text);
    }

    [Fact]
    public void Markdown_becomes_html_and_raw_html_inside_it_is_not_executed()
    {
        var clean = DocumentBody.FromMarkdown("## 工作要点\n\n1. 推进公开\n2. 优化服务\n\n<script>alert(1)</script>");
        Assert.Contains("<h2", clean.Html);
        Assert.Contains("<li>推进公开</li>", clean.Html);
        Assert.DoesNotContain("<script", clean.Html);
        Assert.StartsWith("工作要点\n推进公开\n优化服务", clean.Text);
    }
}
