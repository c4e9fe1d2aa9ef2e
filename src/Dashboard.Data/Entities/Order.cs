using Dashboard.Domain;

namespace Dashboard.Data.Entities;

/// <summary>
/// A completed (or otherwise) order, with the full shape of the Store API's order details.
/// Money is in minor units (cents) of <see cref="Currency"/>.
/// </summary>
public sealed class Order
{
    public string Id { get; set; } = Ids.New(Ids.Order);
    public string StoreId { get; set; } = "";
    public string CustomerId { get; set; } = "";
    public string OrderNumber { get; set; } = "";
    public OrderStatus Status { get; set; }
    public long Amount { get; set; }
    public string Currency { get; set; } = "USD";
    public string? Gateway { get; set; }
    public bool Discounted { get; set; }
    public string? DiscountCode { get; set; }

    /// <summary>Free-form checkout fields, kept as a JSON object.</summary>
    public string CustomFieldsJson { get; set; } = "{}";
    public string? ReturnUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public BillingAddress? BillingAddress { get; set; }
    public Payment? Payment { get; set; }
    public Customer Customer { get; set; } = null!;
    public List<OrderItem> Items { get; set; } = [];
    public List<License> Licenses { get; set; } = [];
}
