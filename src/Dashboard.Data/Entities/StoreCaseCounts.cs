namespace Dashboard.Data.Entities;

/// <summary>
/// Per-store tab counts, maintained in the same transaction as every status change so the
/// dashboard never counts rows per request.
/// </summary>
public sealed class StoreCaseCounts
{
    public string StoreId { get; set; } = "";
    public int Open { get; set; }
    public int AwaitingCustomer { get; set; }
    public int AwaitingMerchant { get; set; }
    public int Closed { get; set; }
    public int All => Open + AwaitingCustomer + AwaitingMerchant + Closed;
}
