using Gongkai.Plans.Parsing;
using Gongkai.Platform.Documents;
using Gongkai.Tests.Platform.Documents;

namespace Gongkai.Tests.Plans;

/// <summary>Plans in Word and PDF read the same as in plain text; a PDF without a text layer is refused clearly.</summary>
public sealed class PlanDocumentTests
{
    private static PrintedDocument Printed(string seed) =>
        new("工作要点", null, Seeds.Text(seed).Split('\n').Select(l => new PrintedParagraph(l.Trim(), ParagraphStyle.Plain)).ToList());

    [Theory]
    [InlineData("000", 122)]
    [InlineData("001", 42)]
    [InlineData("004", 57)]
    public void A_docx_plan_has_the_same_tasks_as_its_text(string seed, int count)
    {
        var bytes = DocxWriter.Write(Printed(seed));
        var plan = PlanParser.Parse(PlanDocumentReader.Read(bytes, "plan.docx"));
        Assert.Equal(count, plan.Tasks.Count);
        var fromText = Seeds.Parse(seed);
        Assert.Equal(fromText.Tasks.Select(t => t.Text), plan.Tasks.Select(t => t.Text));
        Assert.Equal(fromText.Tasks.Select(t => string.Join("|", t.ResponsibleUnits)), plan.Tasks.Select(t => string.Join("|", t.ResponsibleUnits)));
    }

    [Theory]
    [InlineData("001", 42)]
    [InlineData("004", 57)]
    public void A_text_layer_pdf_plan_has_the_same_tasks(string seed, int count)
    {
        var bytes = DocumentWriterTests.Pdf().Write(Printed(seed));
        var text = PlanDocumentReader.Read(bytes, "plan.pdf");
        var plan = PlanParser.Parse(text);
        Assert.Equal(count, plan.Tasks.Count);
        var fromText = Seeds.Parse(seed);
        Assert.Equal(fromText.Tasks.Select(t => string.Join("|", t.ResponsibleUnits)), plan.Tasks.Select(t => string.Join("|", t.ResponsibleUnits)));
        Assert.Equal(fromText.Tasks.Select(t => t.Deadline.Due), plan.Tasks.Select(t => t.Deadline.Due));
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_refused_with_a_clear_message()
    {
        var scan = ImageOnlyPdf();
        var e = Assert.Throws<PlanParseException>(() => PlanDocumentReader.Read(scan, "scan.pdf"));
        Assert.Contains("没有文字层", e.Message);
    }

    /// <summary>A one-page PDF that only paints a grey rectangle, as a scan without OCR has no text either.</summary>
    private static byte[] ImageOnlyPdf()
    {
        const string content = "0.5 g 50 50 300 400 re f";
        string[] objects =
        [
            "<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<<>>>>",
            $"<</Length {content.Length}>>\nstream\n{content}\nendstream",
        ];
        var sb = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = sb.Length;
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        }

        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<</Size {objects.Length + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(sb.ToString());
    }

    [Fact]
    public void A_broken_pdf_is_refused_with_a_clear_message()
    {
        var e = Assert.Throws<PlanParseException>(() => PlanDocumentReader.Read("%PDF-1.7\nnot really"u8.ToArray(), "x.pdf"));
        Assert.Contains("PDF", e.Message);
    }
}
