using System.Threading.RateLimiting;

namespace Dashboard.Web.Features.Api;

/// <summary>
/// The door every <c>sk_</c> token request passes (Store API, support-cases API, MCP server), in this order:
/// refusals per client address (429), the token (401), the per-token rate limit (429, shared by all of them,
/// so no door doubles a token's allowance). Admitted callers are kept on the request for the handlers.
/// </summary>
public sealed class ApiTokenGate(ApiTokenService tokens, StoreApiRateLimiter limiter)
{
    /// <summary>The caller, or the answer that refuses the request (never both).</summary>
    public async Task<(ApiCaller? Caller, ApiResult? Refusal)> AdmitAsync(HttpContext http)
    {
        // Refused requests are limited per client address before any lookup, so a flood of bad or
        // missing tokens costs neither the database nor the other clients their answers.
        var client = ClientAddress(http);
        if (limiter.RefusalsExhausted(client) is { } wait)
            return (null, TooManyRequests(wait, "Too many requests without a valid API token from this address; retry after the time in the Retry-After header"));

        var header = http.Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) || header.Length == bearer.Length)
            return (null, Refuse(client, "Missing API token: send Authorization: Bearer sk_…"));

        var (caller, failure) = await tokens.AuthenticateAsync(header[bearer.Length..].Trim(), http.RequestAborted);
        if (caller is null)
            return (null, Refuse(client, failure switch
            {
                ApiAuthFailure.Revoked => "API token has been revoked",
                ApiAuthFailure.Expired => "API token has expired",
                _ => "Invalid API token",
            }));

        using var lease = limiter.Acquire(caller.TokenId);
        if (!lease.IsAcquired)
            return (null, TooManyRequests(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1),
                "Rate limit exceeded; retry after the time in the Retry-After header"));

        http.Items[StoreApiAuthFilter.CallerItem] = caller;
        return (caller, null);
    }

    private ApiResult Refuse(string client, string message)
    {
        limiter.CountRefusal(client);
        var result = ApiResult.Unauthorized(message);
        result.Headers["WWW-Authenticate"] = "Bearer";
        return result;
    }

    private static ApiResult TooManyRequests(TimeSpan retryAfter, string message)
    {
        var result = ApiResult.TooManyRequests(message);
        result.Headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }

    /// <summary>The peer's address (IPv4 written as IPv4 even over a dual-stack socket). Behind a proxy, configure forwarded headers.</summary>
    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : "unknown";
}
