using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Support;

/// <summary>
/// Cross-store reads for platform support. Only escalated cases are ever visible here, and only to
/// users who pass <see cref="Policies.PlatformSupport"/> (anyone else gets <see cref="AccessDeniedException"/>).
/// </summary>
public sealed class SupportQueries(IDbContextFactory<DashboardDbContext> dbFactory, CaseQueries cases, StoreAccess access)
{
    public const int ListMax = 200;

    /// <summary>Escalated cases of every store, open ones first, newest activity first.</summary>
    public async Task<IReadOnlyList<EscalatedCaseRow>> ListEscalatedAsync(string userId, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.PlatformSupport, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Cases.AsNoTracking()
            .Where(c => c.Escalated)
            .OrderBy(c => c.Status == CaseStatus.Closed)
            .ThenByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id)
            .Take(ListMax)
            .Join(db.Stores, c => c.StoreId, s => s.Id, (c, s) => new EscalatedCaseRow(
                c.Id, c.StoreId, s.Name, c.Subject, c.Status, c.Priority, c.LastMessageAt, c.LastMessageBy))
            .ToListAsync(ct);
    }

    /// <summary>An escalated case of any store with its timeline as support sees it; any other case answers null, like a missing one.</summary>
    public async Task<CaseDetail?> GetEscalatedAsync(string userId, string caseId, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.PlatformSupport, ct: ct);
        if (!Ids.IsValid(caseId, Ids.Case)) return null;
        var detail = await cases.GetAsync(null, caseId, TimelineAudience.SupportConsole, ct);
        return detail is { Case.Escalated: true } ? detail : null;
    }

    public async Task<string?> StoreNameAsync(string userId, string storeId, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.PlatformSupport, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stores.Where(s => s.Id == storeId).Select(s => s.Name).FirstOrDefaultAsync(ct);
    }
}
