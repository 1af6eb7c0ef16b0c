using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;

namespace Gongkai.Platform.SiteErrors;

/// <summary>What a reporter types into the 网站找错 form.</summary>
public sealed class SiteErrorInput
{
    public string? PageUrl { get; set; }
    public string? Message { get; set; }
    public string? Contact { get; set; }

    /// <summary>Every problem with the input at once (field, message), so the form can show them all together.</summary>
    public List<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        Check(() => InputText.Field(PageUrl, "出错页面地址", SiteErrorReport.PageMax, nameof(PageUrl)), problems);
        Check(() => InputText.Field(Message, "问题描述", SiteErrorReport.MessageMax, nameof(Message), required: true), problems);
        if (InputText.OrNull(Message) is { Length: < 5 and > 0 })
        {
            problems.Add((nameof(Message), "问题描述太短，请至少写5个字，说明哪里有错。"));
        }

        Check(() => InputText.Field(Contact, "联系方式", SiteErrorReport.ContactMax, nameof(Contact)), problems);
        return problems;
    }

    private static void Check(Action read, List<(string, string)> problems)
    {
        try
        {
            read();
        }
        catch (ValidationFailure e)
        {
            problems.Add((e.Field ?? "", e.Message));
        }
    }
}

/// <summary>
/// 网站找错: receives a reporter's message (anonymous, public form, rate-limited with the other public forms), gives it a
/// receipt number, encrypts the contact, records one audit event. The contact never enters the audit summary or a log.
/// </summary>
public sealed class ReportSiteError(GongkaiDb db, AuditLog audit, SiteErrorProtector protector, TimeProvider clock)
{
    public async Task<SiteErrorReport> HandleAsync(SiteErrorInput input, CancellationToken ct = default)
    {
        if (input.Problems() is [var first, ..])
        {
            throw new ValidationFailure(first.Message, first.Field);
        }

        var now = clock.GetUtcNow();
        var report = SiteErrorReport.Receive(SiteErrorReceipt.Next(ChineseDates.LocalDay(now)), InputText.OrNull(input.PageUrl),
            InputText.OrNull(input.Message)!, protector.Protect(InputText.OrNull(input.Contact)), now);
        db.Add(report);
        audit.Record(PlatformAuditActions.SiteErrorReceive, nameof(SiteErrorReport), report.Id.ToString(),
            $"收到网站找错留言{report.ReceiptNumber}{(report.PageUrl is null ? "" : "（页面：" + Cut(report.PageUrl, 120) + "）")}");
        await db.SaveChangesAsync(ct);
        return report;
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] + "…" : text;
}
