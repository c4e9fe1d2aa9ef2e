namespace Dashboard.Web.Features.Api;

/// <summary>The <c>StoreApi</c> section: limits of the Store API v2.</summary>
public sealed class StoreApiOptions
{
    public const string Section = "StoreApi";

    /// <summary>Requests a token may make per minute (fixed window); the next one gets 429 with Retry-After.</summary>
    public int RateLimitPerMinute { get; set; } = 600;

    /// <summary>
    /// Refused requests (missing, unknown, revoked or expired token) one client address may make per
    /// minute; past it every request from that address gets 429 with Retry-After, before any lookup.
    /// </summary>
    public int RefusedPerMinutePerAddress { get; set; } = 30;

    /// <summary>Largest request body accepted (bytes); larger gets 413. A reply is at most 4,000 characters.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long an Idempotency-Key's first response is kept for replay.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a key stays claimed by an attempt that has not answered yet; a retry after that takes it
    /// over (the first attempt crashed). Safe at any value: an attempt whose key was taken over can no
    /// longer commit, so the request still happens once.
    /// </summary>
    public TimeSpan IdempotencyPendingTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
