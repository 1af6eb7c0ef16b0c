using Gongkai.Platform.RichText;

namespace Gongkai.Tests.Platform;

/// <summary>Word and WPS paste cleaning and the one sanitiser, on fragments shaped like what the clipboard really holds.</summary>
public class RichTextHtmlTests
{
    private const string WordHead = """
        <html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
        <head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-family:等线;} --></style>
        <!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
        <body lang=ZH-CN style='tab-interval:21.0pt;word-wrap:break-word'><!--StartFragment-->
        """;

    private const string WordFoot = "<!--EndFragment--></body></html>";

    private static string Clean(string fragment) => RichTextHtml.FromOffice(WordHead + fragment + WordFoot).Html;

    [Fact]
    public void Word_paragraphs_lose_mso_styles_classes_fonts_and_o_p()
    {
        var html = Clean("""
            <p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>为进一步做好政务公开工作<span lang=EN-US>2026</span>年<o:p></o:p></span></p>
            <p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
            <p class=MsoNormal><font face="仿宋">第二段</font></p>
            """);
        Assert.Equal("<p>为进一步做好政务公开工作2026年</p><p>第二段</p>", html.Replace("\r", "").Replace("\n", ""));
    }

    [Fact]
    public void Word_headings_bold_and_links_survive()
    {
        var html = Clean("""
            <h1 style='mso-margin-top-alt:auto'><a name="_Toc1"></a><span style='font-family:黑体'>一、总体要求</span></h1>
            <h2><span style='font-family:楷体'>（一）工作目标</span></h2>
            <p class=MsoNormal><b style='mso-bidi-font-weight:normal'><span style='font-family:仿宋'>重点</span></b>见<a href="https://www.gov.cn/zhengce/" target="_blank"><span style='color:windowtext;text-decoration:none'>中国政府网</span></a>。</p>
            """);
        Assert.True(html.Contains("<h1>一、总体要求</h1>"), html);
        Assert.Contains("<h2>（一）工作目标</h2>", html);
        Assert.Contains("<b>重点</b>", html);
        Assert.Contains("<a href=\"https://www.gov.cn/zhengce/\" target=\"_blank\">中国政府网</a>", html);
        Assert.DoesNotContain("style", html);
        Assert.DoesNotContain("_Toc1", html);
    }

    [Fact]
    public void Word_mso_list_paragraphs_become_ordered_and_bulleted_lists_with_nesting()
    {
        var html = Clean("""
            <p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='mso-fareast-font-family:"Times New Roman"'><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:仿宋'>健全制度</span></p>
            <p class=MsoListParagraph style='margin-left:39.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>a)<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]>细化清单</p>
            <p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>强化监督</p>
            <p class=MsoNormal>中间段落</p>
            <p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>要点甲</p>
            <p class=MsoListParagraphCxSpLast style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span></span><![endif]>要点乙</p>
            """).Replace("\n", "").Replace("\r", "");
        Assert.Equal("<ol><li>健全制度<ol><li>细化清单</li></ol></li><li>强化监督</li></ol><p>中间段落</p><ul><li>要点甲</li><li>要点乙</li></ul>", html);
    }

    [Fact]
    public void Word_tables_keep_rows_cells_and_spans_but_not_widths_or_borders()
    {
        var html = Clean("""
            <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 width=553 style='width:415.0pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>
             <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
              <td width=138 valign=top style='width:103.7pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:黑体'>事项</span></b></p></td>
              <td width=415 colspan=2 valign=top style='width:311.3pt'><p class=MsoNormal><span style='font-family:黑体'>责任单位<o:p></o:p></span></p></td>
             </tr>
             <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
              <td rowspan=1 style='border:solid windowtext 1.0pt'><p class=MsoNormal>政策解读</p></td>
              <td><p class=MsoNormal>区政府办</p></td><td><p class=MsoNormal><span lang=EN-US>12</span>月</p></td>
             </tr>
            </table>
            """).Replace("\n", "").Replace("\r", "").Replace(" ", "");
        Assert.Equal("<table><tbody><tr><td><b>事项</b></td><tdcolspan=\"2\">责任单位</td></tr><tr><tdrowspan=\"1\">政策解读</td><td>区政府办</td><td>12月</td></tr></tbody></table>", html);
    }

    [Fact]
    public void Images_from_the_local_disk_are_dropped_and_counted_uploaded_ones_are_kept()
    {
        var clean = RichTextHtml.FromOffice(WordHead + """
            <p class=MsoNormal><!--[if gte vml 1]><v:shape id="图片_x0020_1" style='width:200pt;height:100pt'><v:imagedata src="file:///C:/Users/lee/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=267 height=133 src="file:///C:/Users/lee/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg" v:shapes="图片_x0020_1"><![endif]></p>
            <p><img src="/documents/0193a5a0-0000-7000-8000-000000000001/attachments/0193a5a0-0000-7000-8000-000000000002" alt="区位图" width=300></p>
            <p><img src="data:image/png;base64,iVBORw0KGgo=" alt="x"></p>
            """ + WordFoot);
        Assert.Equal(2, clean.DroppedImages);
        Assert.Equal("<p><img src=\"/documents/0193a5a0-0000-7000-8000-000000000001/attachments/0193a5a0-0000-7000-8000-000000000002\" alt=\"区位图\"></p>", clean.Html.Trim());
    }

    [Fact]
    public void Word_footnotes_keep_their_links_both_ways()
    {
        var html = Clean("""
            <p class=MsoNormal>依据条例<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span lang=EN-US><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference><span lang=EN-US style='font-size:10.5pt'>[1]</span></span><![endif]></span></span></span></a>办理。</p>
            <div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>
            <div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> 《中华人民共和国政府信息公开条例》第三十三条。</p></div></div>
            """);
        Assert.Contains("<sup><a href=\"#_ftn1\" title=\"\" id=\"_ftnref1\">[1]</a></sup>办理。", html);
        Assert.Contains("<a href=\"#_ftnref1\" title=\"\" id=\"_ftn1\">[1]</a> 《中华人民共和国政府信息公开条例》第三十三条。", html);
        Assert.DoesNotContain("ftn1\"><p", html);
        Assert.DoesNotContain("id=\"ftn1\"", html);
    }

    [Fact]
    public void Wps_markup_is_cleaned_like_word()
    {
        var html = RichTextHtml.FromOffice("""
            <html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name="Generator" content="WPS Office"><style>.p0{margin:0pt;font-family:Calibri;}.15{color:#0000ff}</style></head>
            <body><!--StartFragment--><p class="p0" style="margin-left:0.0000pt;text-indent:32.0000pt;mso-pagination:widow-orphan;text-align:justify;text-justify:inter-ideograph;"><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;mso-ascii-font-family:仿宋_GB2312;font-size:16.0000pt;mso-font-kerning:1.0000pt;">各街道办事处：</span><span style="font-family:仿宋_GB2312;font-size:16.0000pt;"><o:p></o:p></span></p>
            <p class="p0"><a href="http://www.example.gov.cn/"><span class="15" style="font-family:仿宋_GB2312;">区政府网站</span></a></p>
            <table class="16" border="1" cellspacing="0" style="border-collapse:collapse;width:100%;mso-table-layout-alt:fixed;"><tr><td width="284" valign="top" style="border:1.0000pt solid windowtext;"><p class="p0"><span style="font-family:仿宋;">序号</span></p></td><td><p class="p0"><span>1</span></p></td></tr></table>
            <!--EndFragment--></body></html>
            """).Html.Replace("\n", "").Replace("\r", "");
        Assert.Equal("<p>各街道办事处：</p><p><a href=\"http://www.example.gov.cn/\">区政府网站</a></p><table><tbody><tr><td>序号</td><td>1</td></tr></tbody></table>", html);
    }

    [Fact]
    public void Bold_and_italic_written_as_styles_keep_their_meaning()
    {
        var html = RichTextHtml.FromOffice("<p><span style=\"font-weight:bold;font-family:宋体\">加粗</span><span style='font-style:italic'>倾斜</span><span style='mso-bidi-font-weight:bold'>普通</span></p>").Html;
        Assert.Equal("<p><strong>加粗</strong><em>倾斜</em>普通</p>", html);
    }

    [Theory]
    [InlineData("<p>正文</p><script>alert(1)</script>", "<p>正文</p>")]
    [InlineData("<p onclick=\"x()\">正文</p>", "<p>正文</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">链接</a>", "<a>链接</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe><p>后</p>", "<p>后</p>")]
    [InlineData("<p id=\"main\">冒名</p>", "<p>冒名</p>")]
    [InlineData("<form action=\"/x\"><input name=\"a\"><button>提交</button></form><p>后</p>", "<p>后</p>")]
    [InlineData("<img src=\"/x.png\" onerror=\"alert(1)\">", "<img src=\"/x.png\">")]
    public void The_sanitiser_removes_active_content_and_foreign_ids(string input, string expected)
    {
        Assert.Equal(expected, RichTextHtml.FromOffice(input).Html);
    }

    [Fact]
    public void Plain_text_lines_become_paragraphs_and_are_escaped()
    {
        var clean = RichTextHtml.FromInput("第一段。\r\n\r\n　　第二段 <b>不是标签</b>\n", "text");
        Assert.Equal("<p>第一段。</p><p>第二段 &lt;b&gt;不是标签&lt;/b&gt;</p>", clean.Html);
        Assert.Equal("第一段。\n第二段 <b>不是标签</b>", clean.Text);
    }

    [Fact]
    public void Display_shows_stored_plain_text_as_paragraphs_and_stored_html_as_is()
    {
        Assert.Equal("<p>甲</p><p>乙</p>", RichTextHtml.Display("甲\n乙"));
        Assert.Equal("<p>甲</p>", RichTextHtml.Display("<p>甲</p>"));
        Assert.Equal("<p>《条例》第一条</p>", RichTextHtml.Display("《条例》第一条"));
        Assert.Equal("", RichTextHtml.Display(null));
    }

    [Fact]
    public void Format_names_default_to_rich_text()
    {
        Assert.Equal("text", RichTextHtml.FormatOf(" TEXT "));
        Assert.Equal("markdown", RichTextHtml.FormatOf("markdown"));
        Assert.Equal("html", RichTextHtml.FormatOf(null));
        Assert.Equal("html", RichTextHtml.FormatOf("docx"));
    }
}
