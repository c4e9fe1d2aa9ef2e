using Dashboard.Data;
using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Support.Audit;

/// <summary>
/// Writes the staff audit log: one row per thing a staff member opened or changed, added to the
/// caller's context so it commits with the change it records (or not at all). Append-only: there is
/// no update or delete here or anywhere else.
/// </summary>
public static class StaffAuditLog
{
    public static async Task AddAsync(DashboardDbContext db, string staffUserId, string action, string? caseId, string? storeId,
        string? reason, string? detail, DateTime at, CancellationToken ct)
    {
        db.StaffAudit.Add(new StaffAuditEntry
        {
            At = at, StaffUserId = staffUserId, StaffName = await NameOfAsync(db, staffUserId, ct), Action = action,
            CaseId = caseId, StoreId = storeId, Reason = reason?.Trim(), Detail = detail,
        });
    }

    /// <summary>A staff member's name as the console shows it (display name, else email).</summary>
    public static async Task<string> NameOfAsync(DashboardDbContext db, string userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Email).FirstOrDefaultAsync(ct) ?? userId;
}
