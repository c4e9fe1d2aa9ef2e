using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Features.Support.Signals;

/// <summary>
/// <c>PaymentEvents:*</c>: the payment provider's webhook into the product. With no secret the endpoint
/// does not exist (404); the tolerance bounds how old a signed timestamp may be.
/// </summary>
public sealed class PaymentEventsOptions
{
    public const string Section = "PaymentEvents";

    /// <summary>The shared secret both sides sign with (HMAC-SHA256). Unset: payment events are off.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How far a signature's timestamp may be from now (default 5 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);
}
