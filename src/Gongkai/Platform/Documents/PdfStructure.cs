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
    private readonly List<Action> open = [];

    private PdfStructure(PdfDocument pdf, string title)
    {
        var ua = UAManager.ForDocument(pdf);
        ua.SetDocumentLanguage("zh-CN");
        pdf.Info.Title = title;
        pdf.ViewerPreferences.DisplayDocTitle = true;
        builder = ua.StructureBuilder;
    }

    public static PdfStructure For(PdfDocument pdf, string title) => new(pdf, title);

    /// <summary>Lets the elements open at a page break close on this page and continue on the next.</summary>
    public void Follow(PdfPageCursor page)
    {
        page.PageEnding = () =>
        {
            for (var i = 0; i < open.Count; i++)
            {
                builder.End();
            }
        };
        page.PageStarted = () =>
        {
            foreach (var begin in open)
            {
                begin();
            }
        };
    }

    private Scope Begin(Action begin)
    {
        begin();
        open.Add(begin);
        return new Scope(this);
    }

    private void EndLast()
    {
        open.RemoveAt(open.Count - 1);
        builder.End();
    }

    /// <summary>A heading, paragraph, table, row or cell, until the returned scope is disposed.</summary>
    public Scope Element(PdfBlockLevelElementTag tag) => Begin(() => builder.BeginElement(tag));

    /// <summary>A table cell spanning rows or columns.</summary>
    public Scope Cell(bool header, int rowSpan, int colSpan) => Begin(() =>
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
    });

    /// <summary>Drawing that carries no content (rules, borders), skipped by assistive technology.</summary>
    public Scope Artifact() => Begin(() => builder.BeginArtifact());

    public readonly struct Scope(PdfStructure owner) : IDisposable
    {
        public void Dispose() => owner.EndLast();
    }
}
