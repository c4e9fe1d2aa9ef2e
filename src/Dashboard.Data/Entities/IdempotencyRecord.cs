namespace Dashboard.Data.Entities;

/// <summary>
/// The first response to a POST with an Idempotency-Key, replayed for a retry. While the request runs
/// the record is pending (<see cref="StatusCode"/> 0) and belongs to one attempt (<see cref="ClaimId"/>);
/// the answer is written in the same transaction as the case change it reports.
/// </summary>
public sealed class IdempotencyRecord
{
    public string TokenId { get; set; } = "";
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";

    /// <summary>Which attempt holds the key: a pending record abandoned past its timeout is taken over with a new id.</summary>
    public string ClaimId { get; set; } = "";
    public int StatusCode { get; set; }
    public string ResponseBody { get; set; } = "";

    /// <summary>Headers replayed with the body (Location, ETag) as a JSON object; null when none.</summary>
    public string? ResponseHeaders { get; set; }

    /// <summary>When the current attempt claimed the key (retention and the pending timeout count from here).</summary>
    public DateTime CreatedAt { get; set; }
}
