using Gongkai.Platform.Documents;
using Microsoft.Extensions.Configuration;
using UglyToad.PdfPig;

namespace Gongkai.Tests.Platform.Documents;

/// <summary>PDF and DOCX written from one document: opened again, the Chinese text reads back; the font is embedded.</summary>
public sealed class DocumentWriterTests
{
    private static readonly PrintedDocument Sample = new("政府信息公开申请答复告知书", "受理编号：2026-XC001-00001",
        PrintedDocument.ParseLines("<张三：\n本机关于2026年3月2日收到您提出的政府信息公开申请。" + string.Concat(Enumerable.Repeat("经审查，您申请获取的信息属于公开范围，现予提供。", 40)) + "\n\n>北京市西城区民政局\n>2026年3月20日"));

    private const string ShippedFontSha256 = "705ec2dba81eaee1208e4ed5d3ff23ab259292e8e0e163ea3de297ef1317007a";

    internal static PdfWriter Pdf() => new(new DocumentFonts(new ConfigurationBuilder().Build()));

    [Fact]
    public void The_pdf_embeds_a_chinese_font_and_its_text_reads_back()
    {
        var bytes = Pdf().Write(Sample);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.True(text.Contains("政府信息公开申请答复告知书"), text[..Math.Min(300, text.Length)]);
        Assert.True(text.Contains("张三："), text[..Math.Min(300, text.Length)]);
        Assert.Contains("2026-XC001-00001", text);
        Assert.Contains("张三：", text);
        Assert.Contains("北京市西城区民政局", text);
        Assert.Contains("2026年3月20日", text);
        Assert.True(pdf.NumberOfPages >= 2, "a long letter continues on a second page");
        var fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.NotEmpty(fonts);
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("/FontFile2", raw);
        Assert.Contains("/ToUnicode", raw);
    }

    [Fact]
    public void The_font_ships_with_the_application_so_no_font_package_is_needed()
    {
        // Nothing configured: the font comes from the assembly, not from a Debian package under /usr/share/fonts.
        var fonts = new DocumentFonts(new ConfigurationBuilder().Build());
        Assert.Null(fonts.FontFile);
        var font = DocumentFonts.ShippedFont();
        Assert.Equal(5_192_076, font.Length);
        Assert.Equal(new byte[] { 0, 1, 0, 0 }, font[..4]); // a TrueType (glyf) font, not a collection or CFF
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(font));
        Assert.Equal(ShippedFontSha256, hash);
        var text = string.Concat(PdfDocument.Open(Pdf().Write(Sample)).GetPages().Select(p => p.Text));
        Assert.Contains("北京市西城区民政局", text);
    }

    [Fact]
    public void A_configured_font_file_that_does_not_exist_is_said_clearly()
    {
        var fonts = new DocumentFonts(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Documents:FontFile"] = "/nonexistent/simsun.ttf" }).Build());
        var e = Assert.Throws<Gongkai.Platform.ValidationFailure>(() => new PdfWriter(fonts).Write(Sample));
        Assert.Contains("Documents:FontFile", e.Message);
        Assert.Contains("/nonexistent/simsun.ttf", e.Message);
    }

    [Fact]
    public void The_docx_reads_back_paragraph_by_paragraph()
    {
        var bytes = DocxWriter.Write(Sample);
        var paragraphs = DocxWriter.ReadParagraphs(new MemoryStream(bytes));
        Assert.Equal("政府信息公开申请答复告知书", paragraphs[0]);
        Assert.Equal("受理编号：2026-XC001-00001", paragraphs[1]);
        Assert.Contains("张三：", paragraphs);
        Assert.Equal("2026年3月20日", paragraphs[^1]);
    }

    [Theory]
    [InlineData(">北京市西城区民政局", ParagraphStyle.Right, "北京市西城区民政局")]
    [InlineData("<张三：", ParagraphStyle.Plain, "张三：")]
    [InlineData("#一、申请内容", ParagraphStyle.Heading, "一、申请内容")]
    [InlineData("　　经审查，予以公开。", ParagraphStyle.Body, "经审查，予以公开。")]
    public void Lines_are_read_by_their_marker(string line, ParagraphStyle style, string text)
    {
        var p = Assert.Single(PrintedDocument.ParseLines(line));
        Assert.Equal(style, p.Style);
        Assert.Equal(text, p.Text);
    }

    [Fact]
    public void Trailing_blank_lines_are_dropped_and_inner_ones_kept()
    {
        var lines = PrintedDocument.ParseLines("甲\n\n乙\n\n\n");
        Assert.Equal([ParagraphStyle.Body, ParagraphStyle.Blank, ParagraphStyle.Body], lines.Select(l => l.Style));
    }
}
