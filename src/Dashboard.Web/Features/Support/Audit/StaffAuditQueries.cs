using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Web.Features.Stores;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Support.Audit;

/// <summary>Reads the staff audit log, for platform support only (<see cref="Policies.PlatformSupport"/>).</summary>
public sealed class StaffAuditQueries(IDbContextFactory<DashboardDbContext> dbFactory, StoreAccess access)
{
    /// <summary>One page, newest first; <c>Before</c> is the last id of the previous page.</summary>
    public async Task<IReadOnlyList<StaffAuditEntry>> ListAsync(string userId, StaffAuditQuery query, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.PlatformSupport, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.StaffAudit.AsNoTracking();
        if (!string.IsNullOrEmpty(query.StaffUserId)) rows = rows.Where(a => a.StaffUserId == query.StaffUserId);
        if (!string.IsNullOrEmpty(query.Action)) rows = rows.Where(a => a.Action == query.Action);
        if (!string.IsNullOrEmpty(query.StoreId)) rows = rows.Where(a => a.StoreId == query.StoreId);
        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            rows = rows.Where(a => a.At >= start);
        }
        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            rows = rows.Where(a => a.At < end);
        }
        if (query.Before is { } before) rows = rows.Where(a => a.Id < before);
        return await rows.OrderByDescending(a => a.Id).Take(Math.Clamp(query.PageSize, 1, 200)).ToListAsync(ct);
    }

    /// <summary>The staff members who appear in the log (the staff filter's choices).</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> StaffAsync(string userId, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.PlatformSupport, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Users.AsNoTracking().Where(u => u.IsPlatformSupport).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.DisplayName)).ToList();
    }
}
