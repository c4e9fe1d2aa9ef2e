using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Email;

/// <summary>
/// Delivers the <c>Outbox</c>. Each round claims due rows one at a time with a conditional update
/// (the row's <c>NextAttemptAt</c> becomes a lease: now + <see cref="OutboxOptions.Lease"/>,
/// <c>Attempts</c> + 1), so several senders (instances) never take the same row. A row is marked
/// sent only after the SMTP server accepted it; a failure schedules a retry with exponential backoff.
/// If the process dies after the claim, the lease runs out and the row is sent again: nothing is lost.
/// The one window that can duplicate is a crash between the server's acceptance and the one-row
/// update that marks it (milliseconds); a resend then carries the same Message-ID, which mail
/// systems use to recognise the repeat. At-least-once with an idempotent id is the honest guarantee:
/// SMTP has no way to ask the server whether it already has a message.
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, EmailDeliveryFactory deliveries,
    IOptions<OutboxOptions> options, ProcessIdentity identity, ILogger<OutboxSender> logger) : BackgroundService
{
    private OutboxOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Enabled) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                logger.LogError(ex, "The outbox round failed; retrying on the next one");
            }
            try { await Task.Delay(Options.PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>One round: claims and delivers every due row (batch by batch). Returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await ReleaseDeadLeasesAsync(ct);
        var sent = 0;
        while (!ct.IsCancellationRequested)
        {
            List<(long Id, DateTime Due)> due;
            var now = clock.GetUtcNow().UtcDateTime;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                due = (await db.Outbox.AsNoTracking()
                    .Where(o => o.SentAt == null && o.NextAttemptAt <= now)
                    .OrderBy(o => o.NextAttemptAt).ThenBy(o => o.Id).Take(Options.BatchSize)
                    .Select(o => new { o.Id, o.NextAttemptAt }).ToListAsync(ct))
                    .Select(o => (o.Id, o.NextAttemptAt)).ToList();
            }
            if (due.Count == 0) return sent;

            await using var delivery = deliveries.Create();
            foreach (var (id, seenDue) in due)
            {
                ct.ThrowIfCancellationRequested();
                var email = await ClaimAsync(id, seenDue, ct);
                if (email is null) continue; // another sender has it
                logger.LogInformation("Sending outbox email {Id} ({Kind}) to {To}, attempt {Attempt}", email.Id, email.Kind, email.ToAddress, email.Attempts);
                if (Options.PauseBetweenSends > TimeSpan.Zero) await Task.Delay(Options.PauseBetweenSends, clock, ct);
                try
                {
                    await delivery.DeliverAsync(email, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    await FailAsync(email, ex, ct);
                    continue;
                }
                // Not cancellable: once the server accepted it, record that before anything else.
                await MarkSentAsync(email.Id);
                sent++;
                logger.LogInformation("Sent outbox email {Id}", email.Id);
            }
            if (due.Count < Options.BatchSize) return sent;
        }
        return sent;
    }

    /// <summary>Makes due again every unsent row leased by a process that no longer runs (see <see cref="ProcessIdentity"/>).</summary>
    public async Task<int> ReleaseDeadLeasesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owners = await db.Outbox.AsNoTracking()
            .Where(o => o.SentAt == null && o.NextAttemptAt > now && o.LeaseOwner != null)
            .Select(o => o.LeaseOwner!).Distinct().ToListAsync(ct);
        var released = 0;
        foreach (var owner in owners.Where(o => identity.StateOf(o) == LeaseOwnerState.Dead))
        {
            var count = await db.Outbox.Where(o => o.SentAt == null && o.LeaseOwner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, now).SetProperty(o => o.LeaseOwner, (string?)null), ct);
            if (count > 0) logger.LogWarning("Released {Count} outbox email(s) leased by {Owner}, which no longer runs", count, owner);
            released += count;
        }
        return released;
    }

    private async Task<OutboxEmail?> ClaimAsync(long id, DateTime seenDue, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + Options.Lease;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var claimed = await db.Outbox
            .Where(o => o.Id == id && o.SentAt == null && o.NextAttemptAt == seenDue)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.NextAttemptAt, leaseUntil)
                .SetProperty(o => o.LeaseOwner, identity.Owner)
                .SetProperty(o => o.Attempts, o => o.Attempts + 1), ct);
        if (claimed != 1) return null;
        return await db.Outbox.AsNoTracking().FirstAsync(o => o.Id == id, ct);
    }

    private async Task MarkSentAsync(long id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Outbox.Where(o => o.Id == id && o.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.SentAt, now).SetProperty(o => o.LastError, (string?)null).SetProperty(o => o.LeaseOwner, (string?)null));
    }

    private async Task FailAsync(OutboxEmail email, Exception ex, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var giveUp = email.Attempts >= Options.MaxAttempts;
        var next = giveUp ? DateTime.MaxValue : now + Backoff(email.Attempts);
        var error = (giveUp ? "Gave up: " : "") + ex.GetType().Name + ": " + ex.Message;
        if (error.Length > 1000) error = error[..1000];
        logger.LogWarning(ex, "Outbox email {Id} failed (attempt {Attempt}); {Next}", email.Id, email.Attempts,
            giveUp ? "giving up" : $"retrying at {next:O}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Outbox.Where(o => o.Id == email.Id && o.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, next).SetProperty(o => o.LastError, error).SetProperty(o => o.LeaseOwner, (string?)null), ct);
    }

    /// <summary>InitialBackoff × 2^(attempt−1), capped at MaxBackoff.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var ticks = Math.Min(Options.InitialBackoff.Ticks * factor, Options.MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
