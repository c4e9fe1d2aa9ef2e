using Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Stores;

/// <summary>
/// Services ask here whether a user may act, by policy name (<see cref="Policies"/>); the user's
/// memberships and support flag are read fresh, so a revoked role stops working at once.
/// </summary>
public sealed class StoreAccess(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public async Task<bool> AllowsAsync(string? userId, string policy, string? storeId = null, CancellationToken ct = default) =>
        userId is not null && Policies.Allows(await StoreContext.LoadAsync(dbFactory, userId, ct), policy, storeId);

    /// <summary>Throws <see cref="AccessDeniedException"/> unless the user passes <paramref name="policy"/>.</summary>
    public async Task DemandAsync(string? userId, string policy, string? storeId = null, CancellationToken ct = default)
    {
        if (!await AllowsAsync(userId, policy, storeId, ct)) throw new AccessDeniedException(policy);
    }
}
