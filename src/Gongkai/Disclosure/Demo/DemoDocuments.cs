using System.Diagnostics;
using System.Threading.Channels;
using Gongkai.Disclosure.Documents;
using Gongkai.Platform;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Search;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Disclosure.Demo;

/// <summary>
/// Bulk import of generated demo documents (<see cref="DocumentGenerator"/>), published and indexed for search.
/// It bypasses the per-document use cases: documents go in by the thousand per transaction, their index rows through
/// the bulk path of <see cref="SearchIndex"/> (the same sections and tokens as publication writes), and each
/// transaction carries one audit event for its batch. While the database writes one batch, the next is written and
/// tokenized on another thread.
/// </summary>
public sealed class DemoDocuments(GongkaiDb db, AuditLog audit, CalendarStore calendar, IConfiguration configuration, TimeProvider clock)
{
    public const int MaxDocuments = 2_000_000;
    public const int DefaultBatchSize = 5_000;

    public sealed record Result(int Documents, int Sections, int Batches, int Seed, TimeSpan Elapsed, string? FirstIndexNumber, string? LastIndexNumber)
    {
        public double DocumentsPerSecond => Elapsed.TotalSeconds > 0 ? Documents / Elapsed.TotalSeconds : 0;
    }

    /// <summary>
    /// Generates and stores <paramref name="count"/> documents. Each batch commits on its own (with its audit event),
    /// unless the caller has opened a transaction, which then holds them all.
    /// </summary>
    public async Task<Result> GenerateAsync(int count, int seed, int batchSize = DefaultBatchSize, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (count is < 1 or > MaxDocuments)
        {
            throw new ValidationFailure($"生成数量应为1到{MaxDocuments:N0}之间的整数。", "Documents");
        }

        batchSize = Math.Clamp(batchSize, 1, 50_000);
        var clockStart = Stopwatch.StartNew();
        var organs = await db.Organs.AsNoTracking().OrderBy(o => o.Code)
            .Select(o => new DocumentGenerator.OrganInfo(o.Id, o.Code, o.ShortName, o.FullName, o.Kind, o.IsActive))
            .ToListAsync(ct);
        var generator = new DocumentGenerator(seed, organs, await calendar.GetAsync(ct), clock.GetUtcNow(), IndexNumbers.Template(configuration));
        var plans = generator.PlanDocuments(count, await UsedNumbersAsync(ct));
        var index = SearchIndex.For(db);

        // Producer: writes and tokenizes batches ahead of the database (at most two waiting, to bound memory).
        var batches = (count + batchSize - 1) / batchSize;
        var channel = Channel.CreateBounded<(List<GovDocument> Docs, SearchIndex.Batch Rows)>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                for (var b = 0; b < batches; b++)
                {
                    var from = b * batchSize;
                    var docs = new List<GovDocument>(Math.Min(batchSize, count - from));
                    for (var i = from; i < Math.Min(count, from + batchSize); i++)
                    {
                        docs.Add(generator.Write(plans[i]));
                    }

                    var rows = index.Prepare(DocumentSearch.OwnerType, docs.Select(d => (d.Id, DocumentSearch.IndexedText(d))));
                    await channel.Writer.WriteAsync((docs, rows), stop.Token);
                }

                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, stop.Token);

        var written = 0;
        var sections = 0;
        var batchNumber = 0;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await foreach (var (docs, rows) in channel.Reader.ReadAllAsync(ct))
            {
                batchNumber++;
                await using var tx = await OwnedTransaction.BeginAsync(db, ct);
                if (db.Database.IsNpgsql())
                {
                    // lz4 compresses the large text and tsvector values several times faster than the default pglz;
                    // readers decompress either. Only this transaction's writes are affected.
                    await db.Database.ExecuteSqlRawAsync(
                        "SELECT set_config('default_toast_compression', 'lz4', true) WHERE EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals))", ct);
                }

                await DocumentRows.WriteAsync(db, docs, ct);
                // Copied past EF: the public pages' document counter is raised when this batch commits.
                Platform.Caching.ContentChanges.Changed(db, Platform.Caching.ContentTags.Documents);
                await index.WriteAsync(db, rows, ct);
                audit.Record(DisclosureAuditActions.DemoGenerate, "Document", null,
                    $"生成演示信息{docs.Count}条（主动公开，已发布；种子{seed}，第{batchNumber}/{batches}批），索引号{docs[0].IndexNumber}至{docs[^1].IndexNumber}");
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                written += docs.Count;
                sections += rows.Count;
                progress?.Report(written);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            await stop.CancelAsync();
            try
            {
                await producer;
            }
            catch (OperationCanceledException)
            {
            }
        }

        if (db.Database.CurrentTransaction is null)
        {
            await RebuildDocumentIndex.RefreshStatisticsAsync(db, ct);
        }

        return new Result(written, sections, batchNumber, seed, clockStart.Elapsed, plans.Length > 0 ? plans[0].IndexNumber : null, plans.Length > 0 ? plans[^1].IndexNumber : null);
    }

    /// <summary>The highest 索引号 per prefix and 发文字号 per 机关代字 and year already stored, so generated ones continue them.</summary>
    private async Task<DocumentGenerator.UsedNumbers> UsedNumbersAsync(CancellationToken ct)
    {
        var used = new DocumentGenerator.UsedNumbers();
        if (!await db.Documents.AnyAsync(ct))
        {
            return used;
        }

        var pattern = IndexNumberPattern(IndexNumbers.Template(configuration));
        await foreach (var row in db.Documents.AsNoTracking().Select(d => new { d.IndexNumber, d.DocumentNumber }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (row.IndexNumber is { } index && pattern.Match(index) is { Success: true } m)
            {
                var prefix = index[..m.Groups["seq"].Index];
                if (int.TryParse(m.Groups["seq"].ValueSpan, out var seq) && seq > used.IndexNumbers.GetValueOrDefault(prefix))
                {
                    used.IndexNumbers[prefix] = seq;
                }
            }

            if (DocumentNumber.TryParse(row.DocumentNumber, out var number))
            {
                var key = number!.Agency + "|" + number.Year;
                used.DocumentNumbers[key] = Math.Max(used.DocumentNumbers.GetValueOrDefault(key), number.Sequence);
            }
        }

        return used;
    }

    /// <summary>A pattern for 索引号 of the template, with the sequence number as group “seq”.</summary>
    internal static System.Text.RegularExpressions.Regex IndexNumberPattern(string template)
    {
        var sb = new System.Text.StringBuilder("^");
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(System.Text.RegularExpressions.Regex.Escape(template[i..]));
                break;
            }

            sb.Append(System.Text.RegularExpressions.Regex.Escape(template[i..open]));
            var close = template.IndexOf('}', open);
            var name = template[(open + 1)..close];
            sb.Append(name switch
            {
                "organ" => ".+?",
                "year" => @"\d{4}",
                "month" => @"\d{2}",
                _ when name.StartsWith("seq", StringComparison.Ordinal) => @"(?<seq>\d+)",
                _ => System.Text.RegularExpressions.Regex.Escape(template[open..(close + 1)]),
            });
            i = close + 1;
        }

        return new System.Text.RegularExpressions.Regex(sb.Append('$').ToString(), System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }
}
