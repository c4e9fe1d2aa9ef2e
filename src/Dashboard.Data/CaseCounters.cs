using System.Linq.Expressions;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>
/// Keeps <see cref="StoreCaseCounts"/> in step with status changes. Called inside the same
/// transaction as the change, so a count can never drift from the rows. The recount serves bulk
/// loads (demo seed, Dashboard.DataGenerator), repairs and the tests that hold the counters to it.
/// </summary>
public static class CaseCounters
{
    public static Task AdjustAsync(DashboardDbContext db, string storeId, CaseStatus? from, CaseStatus? to, CancellationToken ct = default)
    {
        if (from == to) return Task.CompletedTask;
        return db.CaseCounts.Where(c => c.StoreId == storeId).ExecuteUpdateAsync(s =>
        {
            if (from is { } f) s.SetProperty(StoreCaseCounts.Column(f), Plus(f, -1));
            if (to is { } t) s.SetProperty(StoreCaseCounts.Column(t), Plus(t, 1));
        }, ct);
    }

    /// <summary><c>c => c.Column + delta</c>: the update of one status's column, in SQL.</summary>
    private static Expression<Func<StoreCaseCounts, int>> Plus(CaseStatus status, int delta)
    {
        var column = StoreCaseCounts.Column(status);
        return Expression.Lambda<Func<StoreCaseCounts, int>>(Expression.Add(column.Body, Expression.Constant(delta)), column.Parameters);
    }

    /// <summary>Recounts one store from the rows (bulk loads, repairs, tests). O(cases of the store).</summary>
    public static async Task RecalculateAsync(DashboardDbContext db, string storeId, CancellationToken ct = default)
    {
        var byStatus = await db.Cases.Where(c => c.StoreId == storeId)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var row = await db.CaseCounts.FindAsync([storeId], ct);
        if (row is null) db.CaseCounts.Add(row = new StoreCaseCounts { StoreId = storeId });
        foreach (var status in StoreCaseCounts.Statuses)
            row.Add(status, (byStatus.FirstOrDefault(x => x.Key == status)?.Count ?? 0) - row.Of(status));
        await db.SaveChangesAsync(ct);
    }
}
