using System.Diagnostics;
using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Automation;

/// <summary>
/// One run of the auto-close job over every store: under the job's lease, for each store, close the
/// cases whose warning period has ended, then warn the cases that are due for a warning (a case found
/// past due and never warned is warned now, and closes a later run, no sooner than the warning period).
/// The candidates come from <c>IX_Cases_AutoClose</c> (a store's cases awaiting the customer, oldest
/// activity first) in batches; each case is then warned or closed through <see cref="CaseService"/>,
/// which asks <see cref="CaseWorkflow"/> and writes the state, trail line and email in one transaction.
/// Exactly once does not rest on the lease alone: the workflow refuses a second warning or close, and
/// the case's version refuses a write based on what another writer already changed.
/// </summary>
public sealed class AutoCloseRunner(
    IDbContextFactory<DashboardDbContext> dbFactory, CaseService cases, JobLeaseStore leases, TimeProvider clock,
    IOptions<AutoCloseOptions> options, ILogger<AutoCloseRunner> logger)
{
    public const string JobName = "auto-close";
    private const int StorePage = 500;

    private AutoCloseOptions Options => options.Value;

    /// <summary>Runs once if this instance gets the lease; <see cref="AutoCloseRunResult.Ran"/> is false when another instance holds it.</summary>
    public async Task<AutoCloseRunResult> RunOnceAsync(CancellationToken ct)
    {
        if (!await leases.TryTakeAsync(JobName, Options.Lease, ct))
        {
            logger.LogDebug("Auto-close run skipped: another instance holds the lease");
            return AutoCloseRunResult.NotHolder;
        }
        var took = Stopwatch.StartNew();
        var total = new AutoCloseRunResult(Ran: true, 0, 0, 0);
        try
        {
            string? after = null;
            while (true)
            {
                List<StoreRow> stores;
                await using (var db = await dbFactory.CreateDbContextAsync(ct))
                {
                    stores = await db.Stores.AsNoTracking()
                        .Where(s => after == null || s.Id.CompareTo(after) > 0)
                        .OrderBy(s => s.Id).Take(StorePage)
                        .Select(s => new StoreRow(s.Id, s.AutoCloseDays, s.AutoCloseWarningDays)).ToListAsync(ct);
                }
                foreach (var store in stores)
                {
                    var periods = new AutoClosePeriods(store.IdleDays, store.WarningDays);
                    var closed = await PassAsync(store.Id, periods, AutoCloseStep.Close, ct);
                    var warned = periods.Warns ? await PassAsync(store.Id, periods, AutoCloseStep.Warn, ct) : (Done: 0, Skipped: 0);
                    total = total with
                    {
                        Closed = total.Closed + closed.Done, Warned = total.Warned + warned.Done,
                        Skipped = total.Skipped + closed.Skipped + warned.Skipped,
                    };
                }
                if (stores.Count < StorePage) break;
                after = stores[^1].Id;
            }
        }
        catch (LeaseLostException)
        {
            logger.LogWarning("Auto-close lost its lease to another instance mid-run; it carries on from what is committed");
        }
        finally
        {
            await leases.ReleaseAsync(JobName);
        }
        if (total.Warned + total.Closed + total.Skipped > 0)
            logger.LogInformation("Auto-close run: warned {Warned}, closed {Closed}, left {Skipped} for the next run, in {Ms} ms",
                total.Warned, total.Closed, total.Skipped, took.ElapsedMilliseconds);
        logger.LogDebug("Auto-close run ended");
        return total;
    }

    /// <summary>Warns or closes every due case of one store, batch by batch; returns how many were done and how many left.</summary>
    private async Task<(int Done, int Skipped)> PassAsync(string storeId, AutoClosePeriods periods, AutoCloseStep step, CancellationToken ct)
    {
        int done = 0, skipped = 0;
        (DateTime At, string Id)? after = null;
        while (true)
        {
            // Renewed before every batch: a run that outlives its lease stops rather than share the job.
            if (!await leases.TryTakeAsync(JobName, Options.Lease, ct)) throw new LeaseLostException();
            var now = clock.GetUtcNow().UtcDateTime;
            var batch = await DueAsync(storeId, periods, step, now, after, ct);
            foreach (var due in batch)
            {
                var result = step == AutoCloseStep.Warn
                    ? await cases.AutoCloseWarnAsync(storeId, due.Id, periods, due.Version, ct)
                    : await cases.AutoCloseAsync(storeId, due.Id, periods, due.Version, ct);
                if (result.Succeeded)
                {
                    done++;
                    logger.LogDebug("Auto-close {Step} case {CaseId}", step == AutoCloseStep.Warn ? "warned" : "closed", due.Id);
                }
                else
                {
                    // Someone replied or changed it since the query (conflict or refusal): the next run sees it afresh.
                    skipped++;
                    logger.LogDebug("Auto-close left case {CaseId}: {Error}", due.Id, result.Error);
                }
            }
            if (batch.Count < Options.BatchSize) return (done, skipped);
            after = (batch[^1].LastActivityAt, batch[^1].Id);
        }
    }

    /// <summary>
    /// The store's cases owed <paramref name="step"/> at <paramref name="now"/>, oldest activity first,
    /// after <paramref name="after"/>: the SQL form of <see cref="AutoClosePeriods.Due"/>, on <c>IX_Cases_AutoClose</c>.
    /// </summary>
    private async Task<List<DueCase>> DueAsync(string storeId, AutoClosePeriods periods, AutoCloseStep step, DateTime now,
        (DateTime At, string Id)? after, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var awaiting = db.Cases.AsNoTracking().Where(c => c.StoreId == storeId && c.Status == CaseStatus.AwaitingCustomer);
        var idleSince = now - periods.Idle;
        var query = step switch
        {
            AutoCloseStep.Warn => awaiting.Where(c => c.AutoCloseWarnedAt == null && c.LastActivityAt <= now - periods.Idle + periods.Warning),
            AutoCloseStep.Close when periods.Warns => awaiting.Where(c =>
                c.AutoCloseWarnedAt != null && c.LastActivityAt <= idleSince && c.AutoCloseWarnedAt <= now - periods.Warning),
            AutoCloseStep.Close => awaiting.Where(c => c.LastActivityAt <= idleSince),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
        if (after is { } from)
            query = query.Where(c => c.LastActivityAt > from.At || (c.LastActivityAt == from.At && c.Id.CompareTo(from.Id) > 0));
        return await query.OrderBy(c => c.LastActivityAt).ThenBy(c => c.Id).Take(Options.BatchSize)
            .Select(c => new DueCase(c.Id, c.LastActivityAt, c.Version)).ToListAsync(ct);
    }

    private sealed record StoreRow(string Id, int IdleDays, int WarningDays);

    private sealed record DueCase(string Id, DateTime LastActivityAt, long Version);

    private sealed class LeaseLostException : Exception;
}
