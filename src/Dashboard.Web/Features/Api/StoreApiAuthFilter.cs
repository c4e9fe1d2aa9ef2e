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
/// dashboard cookie never authorizes an API call, and nothing here redirects. Then: per-token rate limit
/// (429), the path's store must be the token's (403), the endpoint's scope must be granted (403).
/// </summary>
public sealed class StoreApiAuthFilter(ApiTokenService tokens, StoreApiRateLimiter limiter) : IEndpointFilter
{
    public const string CallerItem = "StoreApi.Caller";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) || header.Length == bearer.Length)
            return Challenge(http, "Missing API token: send Authorization: Bearer sk_…");

        var (caller, failure) = await tokens.AuthenticateAsync(header[bearer.Length..].Trim(), http.RequestAborted);
        if (caller is null)
            return Challenge(http, failure switch
            {
                ApiAuthFailure.Revoked => "API token has been revoked",
                ApiAuthFailure.Expired => "API token has expired",
                _ => "Invalid API token",
            });

        using var lease = limiter.Acquire(caller.TokenId);
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            var result = ApiResult.TooManyRequests("Rate limit exceeded; retry after the time in the Retry-After header");
            result.Headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
            return result;
        }

        // Store API v2 names the store in the path and it must be the token's; the support-cases API has no
        // store in its path: the token's store is the one it works on.
        if (http.Request.RouteValues.TryGetValue("storeId", out var routeStore))
        {
            var storeId = routeStore as string;
            if (!Ids.IsValid(storeId, Ids.Store)) return ApiResult.BadRequest("storeId is not a valid store id (shp_…, 12–48 characters)");
            if (!string.Equals(storeId, caller.StoreId, StringComparison.Ordinal))
                return ApiResult.Forbidden("This API token does not belong to this store");
        }

        if (http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>() is { } required && !caller.Scopes.HasFlag(required.Scope))
            return ApiResult.Forbidden($"This API token lacks the {WireNames.ToWire(required.Scope)} scope");

        http.Items[CallerItem] = caller;
        return await next(context);
    }

    private static ApiResult Challenge(HttpContext http, string message)
    {
        var result = ApiResult.Unauthorized(message);
        result.Headers["WWW-Authenticate"] = "Bearer";
        return result;
    }
}

public static class StoreApiHttpContextExtensions
{
    public static ApiCaller ApiCaller(this HttpContext http) =>
        http.Items[StoreApiAuthFilter.CallerItem] as ApiCaller ?? throw new InvalidOperationException("Store API caller not authenticated");
}

/// <summary>Fixed one-minute window per token; the limit comes from <see cref="StoreApiOptions.RateLimitPerMinute"/>.</summary>
public sealed class StoreApiRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public StoreApiRateLimiter(IOptions<StoreApiOptions> options)
    {
        var permits = options.Value.RateLimitPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(tokenId => permits <= 0
            ? RateLimitPartition.GetNoLimiter(tokenId)
            : RateLimitPartition.GetFixedWindowLimiter(tokenId, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
            }));
    }

    public RateLimitLease Acquire(string tokenId) => _limiter.AttemptAcquire(tokenId);

    public void Dispose() => _limiter.Dispose();
}
