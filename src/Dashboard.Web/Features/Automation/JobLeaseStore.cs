using Dashboard.Data;
using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Automation;

/// <summary>
/// Durable leases on background jobs (<see cref="JobLease"/> rows), shared by every instance on the
/// database. Taking and renewing is one conditional UPDATE ("mine, or expired"), which the database
/// applies to one writer at a time: two instances can never both succeed. This instance's
/// <see cref="Owner"/> is unique per process start, so a restarted process does not inherit the
/// lease of the one that died; it waits for it to run out.
/// </summary>
public sealed class JobLeaseStore(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock)
{
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Takes or renews the lease on <paramref name="job"/> until now + <paramref name="duration"/>; false when another instance holds it.</summary>
    public async Task<bool> TryTakeAsync(string job, TimeSpan duration, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taken = await db.JobLeases
            .Where(l => l.Name == job && (l.Owner == Owner || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, Owner).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1) return true;
        if (await db.JobLeases.AnyAsync(l => l.Name == job, ct)) return false;
        // The job's first run on this database: the row does not exist yet. Two instances may race
        // to insert it; the primary key lets one win.
        db.JobLeases.Add(new JobLease { Name = job, Owner = Owner, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>Gives the lease up (if still held), so the next run of any instance need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string job)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.JobLeases.Where(l => l.Name == job && l.Owner == Owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now));
    }
}
