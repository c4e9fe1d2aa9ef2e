using Dashboard.Domain;

namespace Dashboard.Data.Entities;

/// <summary>
/// A licence action that was carried out, keyed by the caller's idempotency key: a double click or
/// a retry with the same key finds this row and gets the first outcome instead of acting twice.
/// </summary>
public sealed class LicenceActionRecord
{
    public long Id { get; set; }
    public string StoreId { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public LicenceAction Action { get; set; }
    public string CaseId { get; set; } = "";
    public string OrderId { get; set; } = "";

    /// <summary>The licence acted on (null for a resend) and, for a replacement, the order's new licence.</summary>
    public string? LicenseId { get; set; }
    public string? NewLicenseId { get; set; }

    /// <summary>The trail line the action wrote, returned again on a repeat.</summary>
    public string Summary { get; set; } = "";
    public string? ActorUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}
