using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Support.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Support;

/// <summary>
/// Who of platform support works an escalated case: claim (take it if nobody has), assign (to any
/// staff member), release. One assignment per case (its key), so of two staff claiming at once exactly
/// one wins; the other is told who has it. Every change is audited in its own transaction.
/// </summary>
public sealed class StaffAssignments(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, StoreAccess access, CaseChangeFeed feed)
{
    public const string NotEscalated = "Only escalated cases can be assigned";
    public const string NotStaff = "Cases can only be assigned to platform support staff";
    public static string ClaimedBy(string name) => $"Already claimed by {name}";

    public async Task<CaseResult> ClaimAsync(string staffUserId, string caseId, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(staffUserId, Policies.PlatformSupport, ct: ct)) return CaseResult.Forbidden;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var supportCase = await EscalatedAsync(db, caseId, ct);
        if (supportCase is null) return CaseResult.Refused(NotEscalated);
        if (await db.CaseStaffAssignments.AsNoTracking().FirstOrDefaultAsync(a => a.CaseId == caseId, ct) is { } held)
            return held.StaffUserId == staffUserId ? Ok(supportCase) : CaseResult.Refused(ClaimedBy(await StaffAuditLog.NameOfAsync(db, held.StaffUserId, ct)));
        var now = clock.GetUtcNow().UtcDateTime;
        db.CaseStaffAssignments.Add(new CaseStaffAssignment { CaseId = caseId, StaffUserId = staffUserId, AssignedAt = now });
        await StaffAuditLog.AddAsync(db, staffUserId, StaffAuditAction.Claimed, caseId, supportCase.StoreId, null, null, now, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Someone claimed it between our read and our write: the key let them in first.
            await using var again = await dbFactory.CreateDbContextAsync(ct);
            var winner = await again.CaseStaffAssignments.Where(a => a.CaseId == caseId).Select(a => a.StaffUserId).FirstOrDefaultAsync(ct);
            if (winner is null) throw;
            return winner == staffUserId ? Ok(supportCase) : CaseResult.Refused(ClaimedBy(await StaffAuditLog.NameOfAsync(again, winner, ct)));
        }
        return Published(supportCase, now);
    }

    /// <summary>Assigns the case to <paramref name="toUserId"/> (a staff member), replacing whoever had it.</summary>
    public async Task<CaseResult> AssignAsync(string staffUserId, string caseId, string toUserId, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(staffUserId, Policies.PlatformSupport, ct: ct)) return CaseResult.Forbidden;
        if (!await access.AllowsAsync(toUserId, Policies.PlatformSupport, ct: ct)) return CaseResult.Invalid(NotStaff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var supportCase = await EscalatedAsync(db, caseId, ct);
        if (supportCase is null) return CaseResult.Refused(NotEscalated);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.CaseStaffAssignments.FirstOrDefaultAsync(a => a.CaseId == caseId, ct);
        if (row is null) db.CaseStaffAssignments.Add(new CaseStaffAssignment { CaseId = caseId, StaffUserId = toUserId, AssignedAt = now });
        else if (row.StaffUserId == toUserId) return Ok(supportCase);
        else (row.StaffUserId, row.AssignedAt) = (toUserId, now);
        await StaffAuditLog.AddAsync(db, staffUserId, StaffAuditAction.Assigned, caseId, supportCase.StoreId, null,
            $"assigned to {await StaffAuditLog.NameOfAsync(db, toUserId, ct)}", now, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return CaseResult.Conflict; }
        return Published(supportCase, now);
    }

    /// <summary>Nobody works the case any more (anyone of staff may release it).</summary>
    public async Task<CaseResult> ReleaseAsync(string staffUserId, string caseId, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(staffUserId, Policies.PlatformSupport, ct: ct)) return CaseResult.Forbidden;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var supportCase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (supportCase is null) return CaseResult.NotFound;
        var row = await db.CaseStaffAssignments.FirstOrDefaultAsync(a => a.CaseId == caseId, ct);
        if (row is null) return Ok(supportCase);
        var now = clock.GetUtcNow().UtcDateTime;
        db.CaseStaffAssignments.Remove(row);
        await StaffAuditLog.AddAsync(db, staffUserId, StaffAuditAction.Released, caseId, supportCase.StoreId, null,
            $"was {await StaffAuditLog.NameOfAsync(db, row.StaffUserId, ct)}", now, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Ok(supportCase); }
        return Published(supportCase, now);
    }

    /// <summary>The staff members a case can be assigned to (id, name).</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> StaffAsync(string staffUserId, CancellationToken ct = default)
    {
        await access.DemandAsync(staffUserId, Policies.PlatformSupport, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Users.AsNoTracking().Where(u => u.IsPlatformSupport).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, Name = u.DisplayName != "" ? u.DisplayName : u.Email ?? u.Id }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    private static Task<SupportCase?> EscalatedAsync(DashboardDbContext db, string caseId, CancellationToken ct) =>
        db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId && c.Escalated, ct);

    private static CaseResult Ok(SupportCase c) => new(CaseOutcome.Ok, Case: c);

    private CaseResult Published(SupportCase c, DateTime now)
    {
        feed.Publish(new CaseChange(c.StoreId, c.Id, CaseChangeKind.StatusOrPriority, c.Status, AuthorKind.Support, now));
        return Ok(c);
    }
}
