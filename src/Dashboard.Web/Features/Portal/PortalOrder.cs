using Dashboard.Domain;

namespace Dashboard.Web.Features.Portal;

/// <summary>One order as its customer sees it in the portal: which store, what, how much, and whether help is available.</summary>
public sealed record PortalOrder(
    string Id, string StoreId, string StoreName, string OrderNumber, OrderStatus Status, long Amount, string Currency,
    DateTime CreatedAt, IReadOnlyList<PortalOrderItem> Items, int CaseCount)
{
    /// <summary>Null when a case can be opened on it; otherwise why not (<see cref="CaseOpening"/>).</summary>
    public string? HelpUnavailable => CaseOpening.WhyNot(Status);
}

public sealed record PortalOrderItem(string Name, int Quantity, long Price);
