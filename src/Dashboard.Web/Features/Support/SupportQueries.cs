using Dashboard.Data;
using Dashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Support;

public sealed record EscalatedCaseRow(
    string Id, string StoreId, string StoreName, string Subject, CaseStatus Status, CasePriority Priority,
    DateTime LastMessageAt, AuthorKind LastMessageBy);

/// <summary>Cross-store reads for platform support. Only escalated cases are ever visible here.</summary>
public sealed class SupportQueries(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public const int ListMax = 200;

    /// <summary>Escalated cases of every store, open ones first, newest activity first.</summary>
    public async Task<IReadOnlyList<EscalatedCaseRow>> ListEscalatedAsync(CancellationToken ct = default)
    {
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

    public async Task<string?> StoreNameAsync(string storeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stores.Where(s => s.Id == storeId).Select(s => s.Name).FirstOrDefaultAsync(ct);
    }
}

public static class SupportFeature
{
    /// <summary>The one registration line of platform support's pages (DashboardHost).</summary>
    public static IServiceCollection AddPlatformSupport(this IServiceCollection services) =>
        services.AddSingleton<SupportQueries>();
}
