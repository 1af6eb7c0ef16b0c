using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Gongkai.Platform.Documents;

/// <summary>
/// PDF/UA-style tagging for the PDFs the public downloads (reply letters, annual reports): a structure tree (headings,
/// paragraphs, tables with header cells and spans) through PDFsharp's <see cref="UAManager"/>, the document language
/// zh-CN, and the title in the metadata shown by the viewer instead of the file name (DisplayDocTitle). Lines and cell
/// borders are artifacts. Create it before the first page is added.
/// </summary>
public sealed class PdfStructure
{
    private readonly StructureBuilder builder;

    private PdfStructure(PdfDocument pdf, string title)
    {
        var ua = UAManager.ForDocument(pdf);
        ua.SetDocumentLanguage("zh-CN");
        pdf.Info.Title = title;
        pdf.ViewerPreferences.DisplayDocTitle = true;
        builder = ua.StructureBuilder;
    }

    public static PdfStructure For(PdfDocument pdf, string title) => new(pdf, title);

    /// <summary>A heading, paragraph, table, row or cell, until the returned scope is disposed.</summary>
    public Scope Element(PdfBlockLevelElementTag tag)
    {
        builder.BeginElement(tag);
        return new Scope(builder);
    }

    /// <summary>A table cell spanning rows or columns.</summary>
    public Scope Cell(bool header, int rowSpan, int colSpan)
    {
        builder.BeginElement(header ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
        if (rowSpan > 1)
        {
            builder.SetRowSpan(rowSpan);
        }

        if (colSpan > 1)
        {
            builder.SetColSpan(colSpan);
        }

        return new Scope(builder);
    }

    /// <summary>Drawing that carries no content (rules, borders), skipped by assistive technology.</summary>
    public Scope Artifact()
    {
        builder.BeginArtifact();
        return new Scope(builder);
    }

    public readonly struct Scope(StructureBuilder builder) : IDisposable
    {
        public void Dispose() => builder.End();
    }
}
