using Dashboard.Data;
using Dashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Components.Account;

/// <summary>
/// Locking a user and taking a user out of a store or out of the app. Each changes the user's security
/// stamp, so every session they have ends at its next check: within <see cref="SessionValidation.Interval"/>
/// for pages and for open dashboards (circuits). The one way to do these; the team page will call it.
/// </summary>
public sealed class UserAccess(UserManager<AppUser> users, IDbContextFactory<DashboardDbContext> dbFactory)
{
    /// <summary>Locks the account until unlocked; sessions end.</summary>
    public async Task<IdentityResult> LockAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return IdentityResult.Failed(new IdentityError { Description = "No such user" });
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        return await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>Takes the user out of one store; sessions end, so no open page keeps the store.</summary>
    public async Task<IdentityResult> RemoveFromStoreAsync(string storeId, string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return IdentityResult.Failed(new IdentityError { Description = "No such user" });
        await using (var db = await dbFactory.CreateDbContextAsync())
            await db.StoreMembers.Where(m => m.StoreId == storeId && m.UserId == userId).ExecuteDeleteAsync();
        return await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>Removes the account; a session of a user who no longer exists fails its next check.</summary>
    public async Task<IdentityResult> DeleteAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return IdentityResult.Success;
        await users.UpdateSecurityStampAsync(user);
        return await users.DeleteAsync(user);
    }
}
