using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Cases;

/// <summary>
/// Keeps <see cref="StoreCaseCounts"/> in step with status changes. Called inside the same
/// transaction as the change, so a count can never drift from the rows.
/// </summary>
public static class CaseCounters
{
    public static Task AdjustAsync(DashboardDbContext db, string storeId, CaseStatus? from, CaseStatus? to, CancellationToken ct = default)
    {
        if (from == to) return Task.CompletedTask;
        int D(CaseStatus s) => (to == s ? 1 : 0) - (from == s ? 1 : 0);
        int open = D(CaseStatus.Open), awaitingCustomer = D(CaseStatus.AwaitingCustomer),
            awaitingMerchant = D(CaseStatus.AwaitingMerchant), closed = D(CaseStatus.Closed);
        return db.CaseCounts.Where(c => c.StoreId == storeId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Open, c => c.Open + open)
            .SetProperty(c => c.AwaitingCustomer, c => c.AwaitingCustomer + awaitingCustomer)
            .SetProperty(c => c.AwaitingMerchant, c => c.AwaitingMerchant + awaitingMerchant)
            .SetProperty(c => c.Closed, c => c.Closed + closed), ct);
    }

    /// <summary>Recounts one store from the rows (bulk loads, repairs). O(cases of the store).</summary>
    public static async Task RecalculateAsync(DashboardDbContext db, string storeId, CancellationToken ct = default)
    {
        var byStatus = await db.Cases.Where(c => c.StoreId == storeId)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(CaseStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        var row = await db.CaseCounts.FindAsync([storeId], ct);
        if (row is null) db.CaseCounts.Add(row = new StoreCaseCounts { StoreId = storeId });
        row.Open = Of(CaseStatus.Open);
        row.AwaitingCustomer = Of(CaseStatus.AwaitingCustomer);
        row.AwaitingMerchant = Of(CaseStatus.AwaitingMerchant);
        row.Closed = Of(CaseStatus.Closed);
        await db.SaveChangesAsync(ct);
    }
}
