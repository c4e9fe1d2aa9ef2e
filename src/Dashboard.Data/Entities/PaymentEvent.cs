namespace Dashboard.Data.Entities;

/// <summary>
/// A signed payment event the product accepted (<c>POST /internal/payment-events</c>). Its id is the
/// primary key, so a replayed event is refused; the row is also the record an opening case consults
/// ("an early fraud warning is recorded for the order's payment").
/// </summary>
public sealed class PaymentEvent
{
    /// <summary>The provider's event id (<c>evt_…</c>).</summary>
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string PaymentId { get; set; } = "";

    /// <summary>The order whose payment it names, when one was found.</summary>
    public string? OrderId { get; set; }
    public DateTime ReceivedAt { get; set; }
}
