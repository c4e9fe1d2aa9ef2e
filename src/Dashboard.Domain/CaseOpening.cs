namespace Dashboard.Domain;

/// <summary>
/// Which orders a customer may open a case on (the spec: "customer opens a case on one of their
/// completed orders"), and, for every other order, why not in the customer's words. The case service
/// refuses by <see cref="Allows"/>; the portal disables its button with <see cref="WhyNot"/>.
/// </summary>
public static class CaseOpening
{
    public static bool Allows(OrderStatus status) => WhyNot(status) is null;

    /// <summary>Null when the order accepts a case; otherwise the reason shown beside the disabled button.</summary>
    public static string? WhyNot(OrderStatus status) => status switch
    {
        OrderStatus.Completed => null,
        OrderStatus.Pending or OrderStatus.Processing => "Available once the order is completed",
        OrderStatus.Refunded => "Not available: this order was refunded",
        OrderStatus.PartiallyRefunded => "Not available: this order was partly refunded",
        OrderStatus.Cancelled => "Not available: this order was cancelled",
        OrderStatus.Failed => "Not available: the payment for this order failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
