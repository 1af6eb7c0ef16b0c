using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;

namespace Gongkai.Platform.SiteErrors;

/// <summary>What a reporter types into the 网站找错 form.</summary>
public sealed class SiteErrorInput
{
    public string? PageUrl { get; set; }
    public string? Message { get; set; }
    public string? Contact { get; set; }

    /// <summary>
    /// Reads every field through <see cref="FieldChecks"/> and throws one <see cref="ValidationFailure"/> with every
    /// problem at once, so the form shows them all together; answers the trimmed fields otherwise.
    /// </summary>
    public (string? PageUrl, string Message, string? Contact) Validate()
    {
        var checks = new FieldChecks();
        var page = checks.Read(() => InputText.Field(PageUrl, "出错页面地址", SiteErrorReport.PageMax, nameof(PageUrl)));
        var message = checks.Read(() =>
        {
            var text = InputText.Field(Message, "问题描述", SiteErrorReport.MessageMax, nameof(Message), required: true)!;
            return text.Length < 5 ? throw new ValidationFailure("问题描述太短，请至少写5个字，说明哪里有错。", nameof(Message)) : text;
        });
        var contact = checks.Read(() => InputText.Field(Contact, "联系方式", SiteErrorReport.ContactMax, nameof(Contact)));
        checks.ThrowIfAny();
        return (page, message, contact);
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
        var (page, message, contact) = input.Validate();
        var now = clock.GetUtcNow();
        var report = SiteErrorReport.Receive(SiteErrorReceipt.Next(ChineseDates.LocalDay(now)), page, message, protector.Protect(contact), now);
        db.Add(report);
        audit.Record(PlatformAuditActions.SiteErrorReceive, nameof(SiteErrorReport), report.Id.ToString(),
            $"收到网站找错留言{report.ReceiptNumber}{(report.PageUrl is null ? "" : "（页面：" + Cut(report.PageUrl, 120) + "）")}");
        await db.SaveChangesAsync(ct);
        return report;
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] + "…" : text;
}
