using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.SiteErrors;

/// <summary>Reading 网站找错 messages: the reporter's by receipt number, the administrators' list (open first, oldest first).</summary>
public sealed class SiteErrorQueries(GongkaiDb db)
{
    public const int PageSize = 20;

    /// <summary>What a reporter sees with the receipt number: the message, its status and the answer; never the contact.</summary>
    public sealed record Receipt(string ReceiptNumber, string? PageUrl, string Message, DateTimeOffset ReceivedAt, SiteErrorStatus Status, string? Answer, DateTimeOffset? AnsweredAt);

    public async Task<Receipt?> ReceiptAsync(string? number, CancellationToken ct = default)
    {
        var normal = SiteErrorReceipt.Normalise(number);
        if (normal.Length is < 10 or > 32)
        {
            return null;
        }

        return await db.Set<SiteErrorReport>().AsNoTracking().Where(r => r.ReceiptNumber == normal)
            .Select(r => new Receipt(r.ReceiptNumber, r.PageUrl, r.Message, r.ReceivedAt, r.Status, r.Answer, r.AnsweredAt))
            .FirstOrDefaultAsync(ct);
    }

    public sealed record Listing(int Open, int Answered, int Page, int PageCount, IReadOnlyList<SiteErrorReport> Rows);

    public async Task<Listing> ListAsync(SiteErrorStatus status, int page, CancellationToken ct = default)
    {
        var all = db.Set<SiteErrorReport>().AsNoTracking();
        var counts = await all.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var total = counts.Where(c => c.Key == status).Sum(c => c.Count);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var query = all.Where(r => r.Status == status);
        query = status == SiteErrorStatus.Open ? query.OrderBy(r => r.ReceivedAt) : query.OrderByDescending(r => r.AnsweredAt);
        var rows = await query.Skip(Web.Paging.Offset(page, PageSize)).Take(PageSize).ToListAsync(ct);
        return new Listing(counts.Where(c => c.Key == SiteErrorStatus.Open).Sum(c => c.Count), counts.Where(c => c.Key == SiteErrorStatus.Answered).Sum(c => c.Count), page, pageCount, rows);
    }
}
