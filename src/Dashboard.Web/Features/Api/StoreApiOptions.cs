namespace Dashboard.Web.Features.Api;

/// <summary>The <c>StoreApi</c> section: limits of the Store API v2.</summary>
public sealed class StoreApiOptions
{
    public const string Section = "StoreApi";

    /// <summary>Requests a token may make per minute (fixed window); the next one gets 429 with Retry-After.</summary>
    public int RateLimitPerMinute { get; set; } = 600;

    /// <summary>Largest request body accepted (bytes); larger gets 413. A reply is at most 4,000 characters.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long an Idempotency-Key's first response is kept for replay.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);
}
