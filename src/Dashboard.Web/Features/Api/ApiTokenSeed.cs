using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Web.Features.Seed;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Api;

/// <summary>Fixed Store API tokens of the demo stores (Development only), used in the docs' curl examples.</summary>
public static class ApiTokenSeed
{
    public const string NorthwindAllScopes = "sk_demo_northwind_all_scopes_0001";
    public const string NorthwindReadOnly = "sk_demo_northwind_read_only_0001";
    public const string ContosoAllScopes = "sk_demo_contoso_all_scopes_0001";

    public static async Task AddDemoTokensAsync(DashboardDbContext db, DateTime now, CancellationToken ct = default)
    {
        (string Secret, string StoreId, string Name, ApiScopes Scopes)[] tokens =
        [
            (NorthwindAllScopes, DemoAccounts.NorthwindStoreId, "Demo all scopes", ApiTokenService.AllScopes),
            (NorthwindReadOnly, DemoAccounts.NorthwindStoreId, "Demo read only", ApiScopes.CasesRead | ApiScopes.OrdersRead | ApiScopes.TicketsRead),
            (ContosoAllScopes, DemoAccounts.ContosoStoreId, "Demo all scopes", ApiTokenService.AllScopes),
        ];
        foreach (var (secret, storeId, name, scopes) in tokens)
        {
            var hash = ApiTokenService.Hash(secret);
            if (await db.ApiTokens.AnyAsync(t => t.SecretHash == hash, ct)) continue;
            if (!await db.Stores.AnyAsync(s => s.Id == storeId, ct)) continue;
            db.ApiTokens.Add(new ApiToken
            {
                StoreId = storeId, Name = name, Prefix = secret[..ApiTokenService.PrefixLength], SecretHash = hash,
                Scopes = scopes, CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
