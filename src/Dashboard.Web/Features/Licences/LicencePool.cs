using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Stores;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Licences;

/// <summary>
/// The owner's side of the licence pools: counts per product, keys added by pasting (one per line;
/// a key already in the store's pools, or pasted twice, refuses the whole paste and names it, so
/// nothing is half-added), and the setting that keeps replacements to owners.
/// </summary>
public sealed class LicencePool(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, StoreAccess access)
{
    public const int KeyMax = 200;
    public const int KeysPerPasteMax = 1000;

    /// <summary>The store's products (from its orders and its pools) with their pool counts, by name.</summary>
    public async Task<IReadOnlyList<PoolProduct>> ProductsAsync(string storeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await db.OrderItems.AsNoTracking()
            .Where(i => db.Orders.Any(o => o.Id == i.OrderId && o.StoreId == storeId))
            .GroupBy(i => i.ProductId).Select(g => new { ProductId = g.Key, Name = g.Min(i => i.Name) })
            .ToDictionaryAsync(x => x.ProductId, x => x.Name, ct);
        var counts = await db.LicencePoolKeys.AsNoTracking().Where(k => k.StoreId == storeId)
            .GroupBy(k => new { k.ProductId, k.Status }).Select(g => new { g.Key.ProductId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        int Count(string product, LicenseStatus status) => counts.FirstOrDefault(c => c.ProductId == product && c.Status == status)?.Count ?? 0;
        return names.Keys.Union(counts.Select(c => c.ProductId))
            .Select(p => new PoolProduct(p, names.GetValueOrDefault(p) ?? p, Count(p, LicenseStatus.Available), Count(p, LicenseStatus.Claimed), Count(p, LicenseStatus.Revoked)))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task<bool> ReplaceOwnersOnlyAsync(string storeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stores.Where(s => s.Id == storeId).Select(s => s.ReplaceLicencesOwnersOnly).FirstOrDefaultAsync(ct);
    }

    /// <summary>Adds the keys of <paramref name="pasted"/> (one per line, blank lines ignored) to a product's pool. Owner only.</summary>
    public async Task<PoolAddResult> AddKeysAsync(string storeId, string? userId, string productId, string? pasted, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.StoreOwner, storeId, ct);
        var keys = (pasted ?? "").Split('\n').Select(k => k.Trim()).Where(k => k.Length > 0).ToList();
        if (keys.Count == 0) return PoolAddResult.Refused("Paste at least one key, one per line.");
        if (keys.Count > KeysPerPasteMax) return PoolAddResult.Refused($"At most {KeysPerPasteMax:N0} keys at a time; this paste has {keys.Count:N0}.");
        if (keys.FirstOrDefault(k => k.Length > KeyMax || k.Any(char.IsWhiteSpace)) is { } bad)
            return PoolAddResult.Refused($"\"{Cut(bad)}\" is not a key: keys are up to {KeyMax} characters without spaces.");
        if (!(await ProductsAsync(storeId, ct)).Any(p => p.ProductId == productId)) return PoolAddResult.Refused("Choose one of the store's products.");

        var pastedTwice = keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        var existing = await db.LicencePoolKeys.AsNoTracking().Where(k => k.StoreId == storeId && distinct.Contains(k.Key)).Select(k => k.Key).ToListAsync(ct);
        var duplicates = pastedTwice.Union(existing).ToList();
        if (duplicates.Count > 0)
            return PoolAddResult.Refused(duplicates.Count == 1
                ? $"The key {duplicates[0]} is already in the pool or pasted twice. Remove it and add the keys again; nothing was added."
                : $"{duplicates.Count} keys are already in the pool or pasted twice. Remove them and add the keys again; nothing was added.", duplicates);

        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < keys.Count; i++)
            // Pasted order is hand-out order: the claim takes the oldest AddedAt first.
            db.LicencePoolKeys.Add(new LicencePoolKey { StoreId = storeId, ProductId = productId, Key = keys[i], Status = LicenseStatus.Available, AddedAt = now.AddTicks(i) });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same key added by someone else a moment ago: the unique index refused it.
            return PoolAddResult.Refused("Some of these keys were added to the pool by someone else just now. Reload and try again; nothing was added.");
        }
        return new PoolAddResult(keys.Count);
    }

    /// <summary>Keeps replacements to the owner (true) or lets agents replace too (false). Owner only.</summary>
    public async Task SetReplaceOwnersOnlyAsync(string storeId, string? userId, bool ownersOnly, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.StoreOwner, storeId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Stores.Where(s => s.Id == storeId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReplaceLicencesOwnersOnly, ownersOnly), ct);
    }

    private static string Cut(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
