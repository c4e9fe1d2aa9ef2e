using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.DataGenerator;

/// <summary>A sign-in account of a generated database (listed in <c>&lt;db&gt;.meta.json</c> and printed at the end).</summary>
public sealed record GeneratedAccount(string Email, string DisplayName, string Role, string? StoreId, string? StoreName, int? StoreCases);

/// <summary>
/// The stores and the people who sign in to them, written through EF before the bulk load: per store an
/// owner (<c>owner01@bench.test</c> for the largest store, <c>owner02@…</c> for the next) and an agent
/// (<c>agent01@bench.test</c>…), and one platform support account (<c>support@bench.test</c>), all with the
/// demo password, hashed by Identity's own hasher so the dashboard's sign-in accepts them.
/// </summary>
internal static class GeneratedAccounts
{
    public const string Password = "Demo-2026!";
    public const string Domain = "bench.test";

    public static async Task<IReadOnlyList<(GeneratedAccount Account, string UserId)>> AddStoresAndAccountsAsync(
        IDbContextFactory<DashboardDbContext> factory, IReadOnlyList<(Store Store, string[] AgentNames, int Cases)> stores)
    {
        await using var db = await factory.CreateDbContextAsync();
        var hasher = new PasswordHasher<AppUser>();
        var accounts = new List<(GeneratedAccount, string)>();
        AppUser NewUser(string email, string name, string? storeId, bool support)
        {
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, LockoutEnabled = true, SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                DisplayName = name, CurrentStoreId = storeId, IsPlatformSupport = support,
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
            return user;
        }

        for (var i = 0; i < stores.Count; i++)
        {
            var (store, agentNames, cases) = stores[i];
            db.Stores.Add(store);
            db.CaseCounts.Add(new StoreCaseCounts { StoreId = store.Id });
            foreach (var (role, name) in new[] { (StoreRole.Owner, agentNames[0]), (StoreRole.Agent, agentNames[1]) })
            {
                var email = $"{role.ToString().ToLowerInvariant()}{i + 1:00}@{Domain}";
                var user = NewUser(email, name, store.Id, support: false);
                db.StoreMembers.Add(new StoreMember { StoreId = store.Id, UserId = user.Id, Role = role });
                accounts.Add((new GeneratedAccount(email, name, $"{role} of {store.Name}", store.Id, store.Name, cases), user.Id));
            }
        }
        var support = NewUser($"support@{Domain}", "Sam Support", null, support: true);
        accounts.Add((new GeneratedAccount(support.Email!, support.DisplayName, "Platform support (Pandabase Support)", null, null, null), support.Id));
        await db.SaveChangesAsync();
        return accounts;
    }

    /// <summary>Every store's tab counts from its rows, once the bulk load is done.</summary>
    public static async Task RecountAsync(IDbContextFactory<DashboardDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        foreach (var storeId in await db.Stores.Select(s => s.Id).ToListAsync())
            await CaseCounters.RecalculateAsync(db, storeId);
    }
}
