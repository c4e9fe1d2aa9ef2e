using System.Security.Cryptography;
using System.Text;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Stores;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Api;

/// <summary>A token as the settings page lists it (never the secret).</summary>
public sealed record ApiTokenRow(
    string Id, string Name, string Prefix, ApiScopes Scopes, DateTime CreatedAt, DateTime? LastUsedAt,
    DateTime? ExpiresAt, DateTime? RevokedAt)
{
    public string StatusAt(DateTime now) => RevokedAt is not null ? "Revoked" : ExpiresAt <= now ? "Expired" : "Active";
}

public sealed record ApiTokenCreated(ApiTokenRow Token, string Secret);

public sealed record ApiTokenOutcome<T>(T? Value, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>Who called the API: the token's id, store, scopes and the name shown as the author.</summary>
public sealed record ApiCaller(string TokenId, string StoreId, string TokenName, ApiScopes Scopes)
{
    /// <summary>How the token appears in a case's timeline ("API: Zapier").</summary>
    public string AuthorName => "API: " + TokenName;
}

public enum ApiAuthFailure { None, Unknown, Revoked, Expired }

/// <summary>
/// Store API tokens: create (secret shown once, only its SHA-256 kept), list, revoke, and check a
/// presented secret. Creating and revoking are for the store's Owner only, checked here.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, StoreAccess access)
{
    public const int NameMax = 100;
    public const string OwnerOnly = "Only the store's owner can manage API tokens";
    public const int PrefixLength = 12;
    public const ApiScopes AllScopes = ApiScopes.CasesRead | ApiScopes.CasesWrite | ApiScopes.OrdersRead | ApiScopes.TicketsRead | ApiScopes.TicketsWrite;

    /// <summary>LastUsedAt is written at most this often per token, not on every request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewSecret() => Ids.New(Ids.Secret, 40);

    public static string ScopeNames(ApiScopes scopes) =>
        string.Join(", ", Enum.GetValues<ApiScopes>().Where(s => s != ApiScopes.None && scopes.HasFlag(s)).Select(s => WireNames.ToWire(s)));

    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(string userId, string storeId, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(userId, Policies.StoreOwner, storeId, ct)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.StoreId == storeId)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Prefix, t.Scopes, t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.RevokedAt))
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
    }

    public async Task<ApiTokenOutcome<ApiTokenCreated>> CreateAsync(string userId, string storeId, string? name, ApiScopes scopes,
        DateTime? expiresAt, CancellationToken ct = default)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0) return new(null, "Name is required");
        if (name.Length > NameMax) return new(null, $"Name must be at most {NameMax} characters");
        if ((scopes & ~AllScopes) != 0 || scopes == ApiScopes.None) return new(null, "Choose at least one scope");
        var now = clock.GetUtcNow().UtcDateTime;
        if (expiresAt is { } e && e.ToUniversalTime() <= now) return new(null, "Expiry must be in the future");

        if (!await access.AllowsAsync(userId, Policies.StoreOwner, storeId, ct)) return new(null, OwnerOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var secret = NewSecret();
        var token = new ApiToken
        {
            StoreId = storeId, Name = name, Prefix = secret[..PrefixLength], SecretHash = Hash(secret), Scopes = scopes,
            CreatedAt = now, CreatedByUserId = userId, ExpiresAt = expiresAt?.ToUniversalTime(),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new(new ApiTokenCreated(ToRow(token), secret), null);
    }

    public async Task<ApiTokenOutcome<ApiTokenRow>> RevokeAsync(string userId, string storeId, string tokenId, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(userId, Policies.StoreOwner, storeId, ct)) return new(null, OwnerOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.StoreId == storeId, ct);
        if (token is null) return new(null, "Token not found");
        if (token.RevokedAt is not null) return new(null, "Token is already revoked");
        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new(ToRow(token), null);
    }

    /// <summary>How long a refused secret is remembered, and how many are: a bad secret stays bad.</summary>
    public static readonly TimeSpan RefusalMemory = TimeSpan.FromMinutes(5);
    public const int RefusalMemorySize = 10_000;

    // Unknown, revoked and expired secrets never become valid again (a secret is random and a token
    // is never un-revoked), so remembering a refusal is always safe and spares the database a lookup
    // per bad request. A valid secret is checked on every request, so revocation stays immediate.
    // Bounded: past RefusalMemorySize entries the memory starts over (per-address limits cap the rate).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ApiAuthFailure Failure, DateTime Until)> _refused = new(StringComparer.Ordinal);

    /// <summary>
    /// Checks a presented secret against the database on every request (revocation is immediate);
    /// a refused secret is answered from memory for <see cref="RefusalMemory"/>.
    /// Refreshes LastUsedAt when it is older than <see cref="LastUsedResolution"/>.
    /// </summary>
    public async Task<(ApiCaller? Caller, ApiAuthFailure Failure)> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(Ids.Secret, StringComparison.Ordinal) || secret.Length > 200) return (null, ApiAuthFailure.Unknown);
        var hash = Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        if (_refused.TryGetValue(hash, out var remembered) && remembered.Until > now) return (null, remembered.Failure);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash, ct);
        var failure = RefusalOf(token, now);
        if (token is null || failure != ApiAuthFailure.None)
        {
            if (_refused.Count >= RefusalMemorySize) _refused.Clear();
            _refused[hash] = (failure, now + RefusalMemory);
            return (null, failure);
        }

        if (token.LastUsedAt is null || now - token.LastUsedAt >= LastUsedResolution)
        {
            var stale = now - LastUsedResolution;
            // Conditional, so concurrent first requests of a minute write once at most.
            await db.ApiTokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt <= stale))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }
        return (new ApiCaller(token.Id, token.StoreId, token.Name, token.Scopes), ApiAuthFailure.None);
    }

    private static ApiAuthFailure RefusalOf(ApiToken? token, DateTime now) =>
        token is null ? ApiAuthFailure.Unknown
        : token.RevokedAt is not null ? ApiAuthFailure.Revoked
        : token.ExpiresAt is { } expires && expires <= now ? ApiAuthFailure.Expired
        : ApiAuthFailure.None;

    private static ApiTokenRow ToRow(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.Scopes, t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.RevokedAt);
}
