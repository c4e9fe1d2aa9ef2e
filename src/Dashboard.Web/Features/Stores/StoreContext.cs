using System.Security.Claims;
using Dashboard.Data;
using Dashboard.Web.Components.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Stores;

/// <summary>
/// Resolves <see cref="MerchantScope"/> once per circuit (or request) from the authentication state.
/// Every store-scoped query takes its store id from here, never from the URL.
/// </summary>
public sealed class StoreContext(AuthenticationStateProvider auth, IDbContextFactory<DashboardDbContext> dbFactory)
{
    private MerchantScope? _scope;

    public async Task<MerchantScope?> GetAsync(CancellationToken ct = default)
    {
        if (_scope is not null) return _scope;
        var state = await auth.GetAuthenticationStateAsync();
        var userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        return _scope = await LoadAsync(dbFactory, userId, ct);
    }

    public static async Task<MerchantScope?> LoadAsync(IDbContextFactory<DashboardDbContext> dbFactory, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var stores = await db.StoreMembers.AsNoTracking().Where(m => m.UserId == userId)
            .OrderBy(m => m.Store.Name)
            .Select(m => new StoreSummary(m.StoreId, m.Store.Name, m.Role)).ToListAsync(ct);
        var current = stores.FirstOrDefault(s => s.Id == user.CurrentStoreId) ?? stores.FirstOrDefault();
        return new MerchantScope(user.Id, user.DisplayName, user.Email ?? "",
            IsPlatformSupport: user.IsPlatformSupport && !TwoFactorAccounts.MustSetUp(user), stores, current,
            TwoFactorSetupRequired: TwoFactorAccounts.MustSetUp(user));
    }

    /// <summary>Makes <paramref name="storeId"/> the user's current store, if they are a member of it.</summary>
    public async Task<bool> SwitchAsync(string storeId, CancellationToken ct = default)
    {
        var scope = await GetAsync(ct);
        if (scope is null || scope.Stores.All(s => s.Id != storeId)) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == scope.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CurrentStoreId, storeId), ct);
        _scope = scope with { Current = scope.Stores.First(s => s.Id == storeId) };
        return true;
    }
}
