using Gongkai.Platform.Documents;
using Gongkai.Reports.Annual;
using Gongkai.Tests.Reports;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Gongkai.Tests.Platform.Documents;

/// <summary>
/// The PDFs the public downloads are tagged (PDF/UA style, issue 16 item 6): marked, with a structure tree of headings,
/// paragraphs and (for the annual report) tables, the language zh-CN and the title shown instead of the file name.
/// </summary>
public sealed class PdfTaggingTests
{
    private static readonly PrintedDocument Letter = new("政府信息公开申请答复告知书", "受理编号：2026-XC001-00001",
        PrintedDocument.ParseLines("<张三：\n本机关于2026年3月2日收到您提出的政府信息公开申请。\n#一、答复\n" +
            string.Concat(Enumerable.Repeat("经审查，您申请获取的信息属于公开范围，现予提供。", 40)) + "\n\n>北京市西城区民政局\n>2026年3月20日"));

    [Fact]
    public void A_reply_letter_is_tagged_with_language_title_headings_and_paragraphs()
    {
        var bytes = DocumentWriterTests.Pdf().Write(Letter);
        var tags = AssertTagged(bytes, "政府信息公开申请答复告知书");
        Assert.Contains("/H1", tags);
        Assert.Contains("/H2", tags);
        Assert.Contains("/P", tags);

        // Still the same text for a reader and for text extraction.
        using var pig = UglyToad.PdfPig.PdfDocument.Open(bytes);
        Assert.Contains("北京市西城区民政局", string.Concat(pig.GetPages().Select(p => p.Text)));
    }

    [Fact]
    public void An_annual_report_is_tagged_with_its_tables_header_cells_and_spans()
    {
        var view = PublishedReports.View(2025, PublishedReports.Figures(ReportFormat.National2021, 3));
        var bytes = PublishedReports.Pdf(view);
        var tags = AssertTagged(bytes, ReportDocument.Title(view));
        foreach (var tag in new[] { "/H1", "/H2", "/P", "/Table", "/TR", "/TH", "/TD" })
        {
            Assert.Contains(tag, tags);
        }

        Assert.Contains("/RowSpan", System.Text.Encoding.Latin1.GetString(bytes));
        Assert.Contains("/ColSpan", System.Text.Encoding.Latin1.GetString(bytes));
    }

    /// <summary>Checks the catalogue and returns the structure types used in the tree, in document order.</summary>
    private static List<string> AssertTagged(byte[] bytes, string title)
    {
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        var catalog = pdf.Internals.Catalog;
        var markInfo = catalog.Elements.GetDictionary("/MarkInfo");
        Assert.NotNull(markInfo);
        Assert.True(markInfo.Elements.GetBoolean("/Marked"), "/MarkInfo /Marked is not true");
        Assert.Equal("zh-CN", catalog.Elements.GetString("/Lang"));
        Assert.Equal(title, pdf.Info.Title);
        var viewer = catalog.Elements.GetDictionary("/ViewerPreferences");
        Assert.NotNull(viewer);
        Assert.True(viewer.Elements.GetBoolean("/DisplayDocTitle"), "/ViewerPreferences /DisplayDocTitle is not true");
        var root = catalog.Elements.GetDictionary("/StructTreeRoot");
        Assert.NotNull(root);

        var types = new List<string>();
        void Walk(PdfItem? item, int depth)
        {
            if (depth > 64)
            {
                return;
            }

            switch (item is PdfSharp.Pdf.Advanced.PdfReference r ? r.Value : item)
            {
                case PdfDictionary d:
                    if (d.Elements.GetName("/S") is { Length: > 0 } s)
                    {
                        types.Add(s);
                    }

                    Walk(d.Elements["/K"], depth + 1);
                    break;
                case PdfArray a:
                    foreach (var child in a.Elements)
                    {
                        Walk(child, depth + 1);
                    }

                    break;
            }
        }

        Walk(root.Elements["/K"], 0);
        Assert.Contains("/Document", types);
        return types;
    }
}
