using System.Threading.Channels;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Policy.Consultations;

/// <summary>
/// Stores online comments in batches. A request checks its comment (text, period, article) and queues it here; one
/// writer per process takes everything queued, checks each consultation's period once more against the database inside
/// the transaction (the instant of the batch is the comment's receipt time, so a comment that raced the closing instant
/// is refused, never stored late), answers repeated submission keys with their earlier receipt, inserts the rest and
/// commits — then every request of the batch is answered. A receipt is given only for a committed comment, so none
/// acknowledged is lost. While one batch commits the next gathers, so at a high rate one commit carries hundreds of
/// comments and at a low one a comment waits only for its own. When <see cref="ConsultationOptions.IntakeQueueLength"/>
/// comments wait, a new one is refused with <see cref="Busy"/> (the API answers 503 with Retry-After) instead of
/// queueing without bound.
/// </summary>
public sealed class CommentIntake : IHostedService
{
    /// <summary>Most comments written in one transaction.</summary>
    public const int MaxBatch = 1_000;

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ILogger<CommentIntake> log;
    private readonly Channel<Pending> queue;
    private readonly Lazy<Task> loop;

    public CommentIntake(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ConsultationOptions> options, ILogger<CommentIntake> log)
    {
        this.scopes = scopes;
        this.clock = clock;
        this.log = log;
        queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Math.Max(1, options.Value.IntakeQueueLength))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        loop = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    /// <summary>A checked comment waiting to be stored, and the request waiting for its receipt.</summary>
    internal sealed record Pending(ConsultationComment Comment, TaskCompletionSource<CommentReceipt> Done);

    /// <summary>Too many comments are waiting: try again in a moment.</summary>
    public sealed class Busy() : Exception("当前提交意见的人数较多，请稍后再试。");

    /// <summary>Batches written and comments stored since start (for the benchmark and tests).</summary>
    public long Batches => Interlocked.Read(ref batches);

    public long Stored => Interlocked.Read(ref stored);

    /// <summary>Comments queued and not yet taken by the writer.</summary>
    public int Waiting => queue.Reader.Count;

    /// <summary>Comments in the batch the writer is storing now (0 when it is idle).</summary>
    public int Writing => Volatile.Read(ref writing);

    private long batches;
    private long stored;
    private int writing;

    /// <summary>
    /// Queues a checked comment (its <see cref="ConsultationComment.ReceiptNumber"/> and <see cref="ConsultationComment.ReceivedAt"/>
    /// are set by the writer) and completes with its receipt once committed, or with the refusal the final check gives.
    /// Once queued the comment is written even if the caller stops waiting.
    /// </summary>
    public Task<CommentReceipt> SubmitAsync(ConsultationComment comment)
    {
        _ = loop.Value;
        var pending = new Pending(comment, new TaskCompletionSource<CommentReceipt>(TaskCreationOptions.RunContinuationsAsynchronously));
        return queue.Writer.TryWrite(pending) ? pending.Done.Task : throw new Busy();
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = loop.Value;
        return Task.CompletedTask;
    }

    /// <summary>Stops taking comments and writes those already queued.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        if (loop.IsValueCreated)
        {
            await loop.Value.WaitAsync(cancellationToken);
        }
    }

    private async Task RunAsync()
    {
        var reader = queue.Reader;
        var batch = new List<Pending>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var p))
            {
                batch.Add(p);
            }

            Volatile.Write(ref writing, batch.Count);
            try
            {
                await WriteAsync(batch);
            }
            catch (Exception e)
            {
                log.LogError(e, "A batch of {Count} comments could not be stored", batch.Count);
                foreach (var p in batch)
                {
                    p.Done.TrySetException(new InvalidOperationException("意见暂时未能保存，请稍后重新提交。", e));
                }
            }

            batch.Clear();
            Volatile.Write(ref writing, 0);
        }
    }

    /// <summary>One transaction for the batch; if the database refuses it (a receipt number or submission key taken meanwhile), each comment again on its own.</summary>
    internal async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await WriteOnceAsync(batch);
        }
        catch (DbUpdateException) when (batch.Count > 1)
        {
            foreach (var p in batch)
            {
                await WriteSingleAsync(p);
            }
        }
    }

    private async Task WriteSingleAsync(Pending p)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await WriteOnceAsync([p]);
                return;
            }
            catch (DbUpdateException e) when (attempt < 3)
            {
                log.LogDebug(e, "A comment clashed on a unique key; drawing a new receipt number");
            }
            catch (Exception e)
            {
                p.Done.TrySetException(e);
                return;
            }
        }
    }

    private async Task WriteOnceAsync(List<Pending> batch)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        var ids = batch.Select(p => p.Comment.ConsultationId).Distinct().ToList();
        var periods = await db.Set<Consultation>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.AnnouncedAt, c.OpensAt, c.ClosesAt }).ToDictionaryAsync(c => c.Id);
        var refused = new List<(Pending, Exception)>();
        var accepted = new List<Pending>(batch.Count);
        foreach (var p in batch)
        {
            if (!periods.TryGetValue(p.Comment.ConsultationId, out var c) || c.AnnouncedAt is null)
            {
                refused.Add((p, new SubmitComment.NotFound()));
            }
            else if (CommentPeriod.Refusal(c.OpensAt, c.ClosesAt, now) is { } refusal)
            {
                refused.Add((p, refusal));
            }
            else
            {
                accepted.Add(p);
            }
        }

        // A repeated submission key answers the receipt it already has (stored before, or first in this batch).
        var keys = accepted.Where(p => p.Comment.SubmissionKey is not null).Select(p => p.Comment.SubmissionKey!).Distinct().ToList();
        var earlier = keys.Count == 0 ? [] : await db.Set<ConsultationComment>().AsNoTracking().Where(x => keys.Contains(x.SubmissionKey!))
            .Select(x => new { x.SubmissionKey, x.ReceiptNumber, x.ReceivedAt, x.ArticleLabel, x.VersionNumber })
            .ToDictionaryAsync(x => x.SubmissionKey!, x => new CommentReceipt(x.ReceiptNumber, x.ReceivedAt, x.ArticleLabel, x.VersionNumber, true));
        var firstByKey = new Dictionary<string, ConsultationComment>();
        var repeats = new List<(Pending Pending, Func<CommentReceipt> Receipt)>();
        var rows = new List<ConsultationComment>(accepted.Count);
        var inserted = new List<Pending>(accepted.Count);
        foreach (var p in accepted)
        {
            var comment = p.Comment;
            if (comment.SubmissionKey is { } key)
            {
                if (earlier.TryGetValue(key, out var receipt))
                {
                    repeats.Add((p, () => receipt));
                    continue;
                }

                if (firstByKey.TryGetValue(key, out var first))
                {
                    repeats.Add((p, () => Receipt(first) with { Repeated = true }));
                    continue;
                }

                firstByKey[key] = comment;
            }

            comment.ReceivedAt = now;
            comment.ReceiptNumber = ReceiptNumbers.Next(ChineseDates.LocalDay(now));
            rows.Add(comment);
            inserted.Add(p);
        }

        db.AddRange(rows);
        // Receipts for commenters who left a contact, committed with their comments.
        await scope.ServiceProvider.GetRequiredService<CommenterNotices>().ReceiptsAsync(rows);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref stored, rows.Count);
        foreach (var (p, e) in refused)
        {
            p.Done.TrySetException(e);
        }

        foreach (var p in inserted)
        {
            p.Done.TrySetResult(Receipt(p.Comment));
        }

        foreach (var (p, receipt) in repeats)
        {
            p.Done.TrySetResult(receipt());
        }
    }

    private static CommentReceipt Receipt(ConsultationComment c) => new(c.ReceiptNumber, c.ReceivedAt, c.ArticleLabel, c.VersionNumber, false);
}

/// <summary>When an online comment is refused for the period: before it opens, or at and after the closing instant.</summary>
public static class CommentPeriod
{
    public static ValidationFailure? Refusal(DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now) =>
        now < opensAt ? new ValidationFailure($"意见征集尚未开始，开始时间为{ChineseDates.Local(opensAt)}。", "Body")
        : now >= closesAt ? new ValidationFailure($"意见征集已于{ChineseDates.Local(closesAt)}截止，不再接收意见。", "Body")
        : null;
}
