using Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Features.Operations;

/// <summary>
/// Ready when the database answers and its schema is this build's: an instance whose migrations are
/// not applied (Database:MigrateOnStart off and the bundle not run yet) would fail on the first write.
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<DashboardDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("The database does not answer.");
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("Reachable; every migration applied.")
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending: {string.Join(", ", pending)}.");
    }
}
