using System.Globalization;
using Gongkai.Disclosure.Catalogue;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform.Web;
using Gongkai.Platform.Data;
using Gongkai.Platform.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Pages.Catalogue;

/// <summary>政府信息公开目录, district-wide (/catalogue) or of one organ (/catalogue/{organCode}).</summary>
public sealed class IndexModel(DocumentCatalogue catalogue, GongkaiDb db) : PageModel
{
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "year")] public string? Year { get; set; }
    [FromQuery(Name = "item")] public string? Item { get; set; }
    [FromQuery(Name = "page")] public string? PageNumber { get; set; }

    public Organ? Organ { get; private set; }
    public Dictionary<Guid, Organ> Organs { get; private set; } = [];
    public DocumentCatalogue.Filter Filter { get; private set; } = new();
    public DocumentCatalogue.Result? Result { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? organCode, CancellationToken ct)
    {
        Organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        if (organCode is not null)
        {
            Organ = Organs.Values.FirstOrDefault(o => o.Code == organCode);
            if (Organ is null)
            {
                return NotFound();
            }
        }

        var filter = new DocumentCatalogue.Filter(Organ?.Id);
        if (!string.IsNullOrWhiteSpace(Category))
        {
            var c = Category.Trim();
            if (SubjectCategories.IsValid(c) || SubjectCategories.All.Any(t => t.Name == c))
            {
                filter = filter with { Category = c };
            }
            else
            {
                Errors.Add($"没有“{c}”这个主题分类。");
            }
        }

        if (!string.IsNullOrWhiteSpace(Type))
        {
            if (!int.TryParse(Type, out _) && Enum.TryParse<InformationType>(Type.Trim(), true, out var t) && Enum.IsDefined(t))
            {
                filter = filter with { Type = t };
            }
            else
            {
                Errors.Add($"没有“{Type.Trim()}”这个信息类别。");
            }
        }

        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1949 and <= 2100)
            {
                filter = filter with { Year = y };
            }
            else
            {
                Errors.Add($"年份“{Year.Trim()}”不正确，应为四位数字，如 2026。");
            }
        }

        if (!string.IsNullOrWhiteSpace(Item))
        {
            if (int.TryParse(Item, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && StatutoryItems.Find(i) is not null)
            {
                filter = filter with { Item = i };
            }
            else
            {
                Errors.Add($"法定主动公开内容只有第（一）项至第（十五）项，“{Item.Trim()}”不正确。");
            }
        }

        if (!string.IsNullOrWhiteSpace(PageNumber))
        {
            if (int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1)
            {
                filter = filter with { Page = p };
            }
            else
            {
                Errors.Add($"页码“{PageNumber.Trim()}”不正确，应为正整数。");
            }
        }

        Filter = filter;
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await catalogue.BrowseAsync(filter, ct);
        return Page();
    }

    public string BasePath => Organ is null ? "/catalogue" : $"/catalogue/{Organ.Code}";

    /// <summary>This page with one filter set (or cleared with null), back on the first page.</summary>
    public string With(string key, string? value) => QueryLinks.With(Request, BasePath, (key, value), ("page", null));

    public Pager Pager(DocumentCatalogue.Result result) =>
        new(result.Page, result.PageCount, n => QueryLinks.With(Request, BasePath, ("page", n == 1 ? null : n.ToString(CultureInfo.InvariantCulture))));

    /// <summary>内容概述 as the list shows it: at most 100 characters.</summary>
    public static string Brief(string? summary) =>
        string.IsNullOrWhiteSpace(summary) ? "" : summary.Length > 100 ? summary[..100] + "…" : summary;
}

/// <summary>The rows of a catalogue list; <see cref="Organs"/> is given when the list spans several organs.</summary>
public sealed record CatalogueTable(IReadOnlyList<DocumentCatalogue.Entry> Entries, IReadOnlyDictionary<Guid, Organ>? Organs, string Caption);
