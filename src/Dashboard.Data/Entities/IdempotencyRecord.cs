namespace Dashboard.Data.Entities;

/// <summary>The first response to a POST with an Idempotency-Key, replayed for a retry.</summary>
public sealed class IdempotencyRecord
{
    public string TokenId { get; set; } = "";
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int StatusCode { get; set; }
    public string ResponseBody { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
