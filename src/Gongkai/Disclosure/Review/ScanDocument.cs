using System.Security.Cryptography;
using System.Text;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Review;

/// <summary>
/// Runs the personal-data scan over a document's title, summary, body and text attachments, replacing its
/// open findings. Findings already masked or confirmed are not raised again for the same value.
/// </summary>
public sealed class ScanDocument(GongkaiDb db, FileStore files, MaskingRules masks, TimeProvider clock)
{
    public async Task<IReadOnlyList<PrivacyFinding>> RunAsync(GovDocument doc, CancellationToken ct = default)
    {
        var today = ChineseDates.Today(clock);
        var sources = new List<(string Source, string Text)>
        {
            ("标题", doc.Title),
            ("内容概述", doc.Summary ?? ""),
            ("正文", doc.BodyText),
        };
        foreach (var a in doc.Attachments.Where(a => a.ContentType.StartsWith("text/", StringComparison.Ordinal)))
        {
            await using var stream = files.Open(a.Sha256);
            if (stream is not null)
            {
                using var reader = new StreamReader(stream, Encoding.UTF8);
                sources.Add((a.FileName, await reader.ReadToEndAsync(ct)));
            }
        }

        var existing = await db.PrivacyFindings.Where(f => f.DocumentId == doc.Id).ToListAsync(ct);
        db.PrivacyFindings.RemoveRange(existing.Where(f => f.Status == FindingStatus.Open));
        var settled = existing.Where(f => f.Status != FindingStatus.Open).Select(f => f.ValueHash).ToHashSet();
        var found = new List<PrivacyFinding>();
        foreach (var (source, text) in sources)
        {
            foreach (var f in PersonalDataScanner.Scan(text, today))
            {
                var hash = HashOf(doc.Id, f.Text);
                if (settled.Contains(hash) || found.Any(x => x.ValueHash == hash && x.Source == source))
                {
                    continue;
                }

                found.Add(new PrivacyFinding
                {
                    DocumentId = doc.Id,
                    Source = source,
                    Kind = f.Kind,
                    MaskedText = masks.Mask(f),
                    ValueHash = hash,
                    Context = Context(text, f, masks),
                    FoundAt = clock.GetUtcNow(),
                });
            }
        }

        db.PrivacyFindings.AddRange(found);
        return found;
    }

    /// <summary>The hash is salted with the document, so equal values in different documents do not link.</summary>
    public static string HashOf(Guid documentId, string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(documentId.ToString("N") + "|" + value)));

    private static string Context(string text, PersonalDataFinding f, MaskingRules masks)
    {
        var start = Math.Max(0, f.Start - 20);
        var end = Math.Min(text.Length, f.Start + f.Length + 20);
        return (start > 0 ? "…" : "") + text[start..f.Start] + masks.Mask(f) + text[(f.Start + f.Length)..end] + (end < text.Length ? "…" : "");
    }
}
