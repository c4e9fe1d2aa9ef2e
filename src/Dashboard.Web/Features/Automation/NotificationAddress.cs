using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Automation;

/// <summary>Where a store's "new case" emails go: the address set in Settings → Cases, else the owner's.</summary>
public static class NotificationAddress
{
    public static async Task<string?> OfAsync(DashboardDbContext db, Store store, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(store.NotificationEmail) ? await OwnerEmailAsync(db, store.Id, ct) : store.NotificationEmail;

    /// <summary>The store owner's sign-in address (the first owner by name when there are several).</summary>
    public static Task<string?> OwnerEmailAsync(DashboardDbContext db, string storeId, CancellationToken ct) =>
        db.StoreMembers.AsNoTracking()
            .Where(m => m.StoreId == storeId && m.Role == StoreRole.Owner && m.User.Email != null)
            .OrderBy(m => m.User.DisplayName).ThenBy(m => m.UserId)
            .Select(m => m.User.Email).FirstOrDefaultAsync(ct);
}
