using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Gongkai.Platform.Documents;

/// <summary>
/// Where the next line of a PDF goes: A4 pages with the given margin, a new page started when what comes next does not
/// fit above the bottom margin. Letters (<see cref="PdfWriter"/>) and the annual report's PDF both write through it.
/// </summary>
public sealed class PdfPageCursor : IDisposable
{
    private readonly PdfDocument pdf;

    public PdfPageCursor(PdfDocument pdf, double margin)
    {
        this.pdf = pdf;
        Margin = margin;
        NewPage();
    }

    public XGraphics Graphics { get; private set; } = null!;

    /// <summary>Called before a page is closed and after the next one is opened (tagging closes and reopens its elements).</summary>
    public Action? PageEnding { get; set; }

    public Action? PageStarted { get; set; }

    /// <summary>The width between the margins.</summary>
    public double Width { get; private set; }

    public double Margin { get; }

    /// <summary>The top of the next line, in points from the top of the page.</summary>
    public double Y { get; set; }

    private double Bottom { get; set; }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void Ensure(double height)
    {
        if (Y + height > Bottom)
        {
            NewPage();
        }
    }

    public void Skip(double height) => Y += height;

    /// <summary>One line of text, on a new page when this one is full.</summary>
    public void Line(string text, XFont font, XStringFormat format, double height, double indent = 0)
    {
        Ensure(height);
        Graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin + indent, Y, Width - indent, height), format);
        Y += height;
    }

    public void Dispose() => Graphics.Dispose();

    private void NewPage()
    {
        var continuing = Graphics is not null;
        if (continuing)
        {
            PageEnding?.Invoke();
        }

        Graphics?.Dispose();
        var page = pdf.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        Graphics = XGraphics.FromPdfPage(page);
        Width = page.Width.Point - 2 * Margin;
        Bottom = page.Height.Point - Margin;
        Y = Margin;
        if (continuing)
        {
            PageStarted?.Invoke();
        }
    }
}
