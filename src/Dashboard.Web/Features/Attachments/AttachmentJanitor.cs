using Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Attachments;

/// <summary>
/// Removes what a crash or an abandoned reply box leaves behind: staged files older than the retention,
/// and committed files with no attachment row (of a case or a ticket) (a process that died between writing the bytes and
/// committing the message). Runs hourly by default.
/// </summary>
public sealed class AttachmentJanitor(IAttachmentStorage storage, IDbContextFactory<DashboardDbContext> dbFactory,
    IOptions<AttachmentOptions> options, TimeProvider clock, ILogger<AttachmentJanitor> logger) : BackgroundService
{
    /// <summary>A committed file this young may belong to a transaction still in flight.</summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.JanitorInterval;
        if (interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogWarning(e, "Attachment clean-up failed"); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep; returns how many objects it deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var deleted = 0;
        await foreach (var item in storage.ListAsync(StorageKeys.StagingPrefix, ct))
        {
            if (item.LastModified >= now - options.Value.StagingRetention) continue;
            await storage.DeleteAsync(item.Key, ct);
            deleted++;
        }

        var candidates = new List<string>();
        await foreach (var item in storage.ListAsync(StorageKeys.FilesPrefix, ct))
            if (item.LastModified < now - OrphanGrace) candidates.Add(item.Key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var batch in candidates.Chunk(200))
        {
            var known = await db.Attachments.AsNoTracking().Where(a => batch.Contains(a.StorageKey)).Select(a => a.StorageKey)
                .Concat(db.TicketAttachments.AsNoTracking().Where(a => batch.Contains(a.StorageKey)).Select(a => a.StorageKey))
                .ToListAsync(ct);
            foreach (var orphan in batch.Except(known))
            {
                await storage.DeleteAsync(orphan, ct);
                deleted++;
            }
        }
        if (deleted > 0) logger.LogInformation("Attachment clean-up removed {Count} stale objects", deleted);
        return deleted;
    }
}
