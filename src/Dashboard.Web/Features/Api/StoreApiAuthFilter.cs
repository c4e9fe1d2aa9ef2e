using System.Threading.RateLimiting;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Api;

/// <summary>The scope an endpoint needs (endpoint metadata read by <see cref="StoreApiAuthFilter"/>).</summary>
public sealed record RequiredScope(ApiScopes Scope);

/// <summary>
/// The JSON body an endpoint reads itself (for the OpenAPI document). Not <c>Accepts&lt;T&gt;</c>: that makes
/// routing refuse other content types with 415 before the token is even checked.
/// </summary>
public sealed record ApiRequestBody(Type Type);

/// <summary>
/// Authenticates every <c>/v2/core/stores/{storeId}</c> and <c>/api/v1/support-cases</c> call by its Bearer <c>sk_</c> secret only — the
/// dashboard cookie never authorizes an API call, and nothing here redirects. Order: the <see cref="ApiTokenGate"/>
/// (refusals per client address 429, the token 401, per-token rate limit 429), then the path's store must be
/// the token's (403), then the endpoint's scope must be granted (403).
/// </summary>
public sealed class StoreApiAuthFilter(ApiTokenGate gate) : IEndpointFilter
{
    public const string CallerItem = "StoreApi.Caller";

    /// <summary>The refusal of a call that needs a scope the token was not given (the Store API's and the MCP tools' message).</summary>
    public static string LacksScope(ApiScopes scope) => $"This API token lacks the {WireNames.ToWire(scope)} scope";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (caller, refusal) = await gate.AdmitAsync(http);
        if (refusal is not null) return refusal;

        // Store API v2 names the store in the path and it must be the token's; the support-cases API has no
        // store in its path: the token's store is the one it works on.
        if (http.Request.RouteValues.TryGetValue("storeId", out var routeStore))
        {
            var storeId = routeStore as string;
            if (!Ids.IsValid(storeId, Ids.Store)) return ApiResult.BadRequest("storeId is not a valid store id (shp_…, 12–48 characters)");
            if (!string.Equals(storeId, caller!.StoreId, StringComparison.Ordinal))
                return ApiResult.Forbidden("This API token does not belong to this store");
        }

        if (http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>() is { } required && !caller!.Scopes.HasFlag(required.Scope))
            return ApiResult.Forbidden(LacksScope(required.Scope));

        return await next(context);
    }
}

public static class StoreApiHttpContextExtensions
{
    public static ApiCaller ApiCaller(this HttpContext http) =>
        http.Items[StoreApiAuthFilter.CallerItem] as ApiCaller ?? throw new InvalidOperationException("Store API caller not authenticated");
}

/// <summary>
/// Fixed one-minute windows: requests per token (<see cref="StoreApiOptions.RateLimitPerMinute"/>), and
/// refused requests (missing, unknown, revoked or expired token) per client address
/// (<see cref="StoreApiOptions.RefusedPerMinutePerAddress"/>).
/// </summary>
public sealed class StoreApiRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _tokens;
    private readonly PartitionedRateLimiter<string> _refusals;
    private readonly bool _refusalsLimited;

    public StoreApiRateLimiter(IOptions<StoreApiOptions> options)
    {
        _tokens = PerMinute(options.Value.RateLimitPerMinute);
        _refusals = PerMinute(options.Value.RefusedPerMinutePerAddress);
        _refusalsLimited = options.Value.RefusedPerMinutePerAddress > 0;
    }

    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => permits <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
            }));

    public RateLimitLease Acquire(string tokenId) => _tokens.AttemptAcquire(tokenId);

    /// <summary>When the address has used up its refusals this window: how long until it may try again; otherwise null.</summary>
    public TimeSpan? RefusalsExhausted(string address)
    {
        if (!_refusalsLimited || _refusals.GetStatistics(address) is not { CurrentAvailablePermits: 0 }) return null;
        using var lease = _refusals.AttemptAcquire(address, 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void CountRefusal(string address) => _refusals.AttemptAcquire(address).Dispose();

    public void Dispose()
    {
        _tokens.Dispose();
        _refusals.Dispose();
    }
}
