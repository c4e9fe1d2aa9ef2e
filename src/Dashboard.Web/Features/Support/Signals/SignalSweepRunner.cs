using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Web.Features.Automation;
using Dashboard.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Support.Signals;

/// <summary>
/// The periodic part of escalation signals. Opening, reopening and payment events evaluate a case
/// when they happen; REPEATED_UNRESOLVED can also turn due with nothing happening at all, when one
/// of a customer's cases passes its 72 hours without a merchant reply. Each sweep finds the cases
/// whose 72 hours ended since the last sweep (<c>IX_Cases_Created</c>, store by store), and for each
/// such customer with 3+ cases at the store in 30 days evaluates their newest open case, as opening
/// it would have (<see cref="CaseService.EvaluateSignalsAsync"/>: the same rules, the same escalation,
/// recorded once per case by its unique index, so a second sweep over the same window changes nothing).
/// </summary>
public sealed class SignalSweepRunner(IDbContextFactory<DashboardDbContext> dbFactory, CaseService cases, JobLeaseStore leases,
    TimeProvider clock, IOptions<SignalSweepOptions> options, ILogger<SignalSweepRunner> logger)
{
    public const string JobName = "signal-sweep";
    public const string Source = "sweep";

    /// <summary>Where this instance's last complete sweep got to: windows that closed before it were looked at.</summary>
    private DateTime? _sweptUntil;

    /// <summary>Sweeps once if this instance gets the lease.</summary>
    public async Task<SignalSweepResult> RunOnceAsync(CancellationToken ct)
    {
        if (!await leases.TryTakeAsync(JobName, options.Value.Lease, ct))
        {
            logger.LogDebug("Signal sweep skipped: another instance holds the lease");
            return SignalSweepResult.NotHolder;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // Cases opened in (from, to] have had their 72 hours end since the last sweep.
        var to = now - EscalationSignalRules.ReplyExpectedWithin;
        var from = (_sweptUntil ?? now - options.Value.FirstLookback) - EscalationSignalRules.ReplyExpectedWithin;
        int evaluated = 0, escalated = 0;
        try
        {
            List<string> stores;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                stores = await db.Stores.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
            foreach (var storeId in stores)
            {
                if (!await leases.TryTakeAsync(JobName, options.Value.Lease, ct)) return new SignalSweepResult(true, evaluated, escalated);
                foreach (var caseId in await LatestOpenCasesOfRepeatCustomersAsync(storeId, from, to, now, ct))
                {
                    evaluated++;
                    var fired = await cases.EvaluateSignalsAsync(caseId, Source, ct);
                    if (fired.Count > 0)
                    {
                        escalated++;
                        logger.LogInformation("Signal sweep escalated case {CaseId}: {Signals}", caseId, string.Join(", ", fired.Select(WireNames.ToWire)));
                    }
                }
            }
            _sweptUntil = now;
        }
        finally
        {
            await leases.ReleaseAsync(JobName);
        }
        logger.LogDebug("Signal sweep ended: {Evaluated} evaluated, {Escalated} escalated", evaluated, escalated);
        return new SignalSweepResult(true, evaluated, escalated);
    }

    /// <summary>
    /// For each customer of the store with a case opened in (<paramref name="from"/>, <paramref name="to"/>]
    /// and at least three cases there in the last 30 days: their newest case that is not closed.
    /// </summary>
    private async Task<List<string>> LatestOpenCasesOfRepeatCustomersAsync(string storeId, DateTime from, DateTime to, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recentSince = now - EscalationSignalRules.RecentWindow;
        var customers = await db.Cases.AsNoTracking()
            .Where(c => c.StoreId == storeId && c.CreatedAt > from && c.CreatedAt <= to)
            .Select(c => c.CustomerId).Distinct().ToListAsync(ct);
        var latest = new List<string>();
        foreach (var customerId in customers)
        {
            var recent = db.Cases.AsNoTracking().Where(c => c.StoreId == storeId && c.CustomerId == customerId && c.CreatedAt > recentSince);
            if (await recent.CountAsync(ct) < EscalationSignalRules.RecentCasesToEscalate) continue;
            var open = await recent.Where(c => c.Status != CaseStatus.Closed)
                .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync(ct);
            if (open is not null) latest.Add(open);
        }
        return latest;
    }
}
