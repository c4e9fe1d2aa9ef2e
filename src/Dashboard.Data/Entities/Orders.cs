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

public sealed class OrderItem
{
    public string Id { get; set; } = Ids.New(Ids.OrderItem);
    public string OrderId { get; set; } = "";
    public string ProductId { get; set; } = "";
    public string? VariantId { get; set; }
    public string Name { get; set; } = "";
    public int Quantity { get; set; }
    public long Price { get; set; }
}

/// <summary>Owned by <see cref="Order"/>: stored in the order's row.</summary>
public sealed class BillingAddress
{
    public string Id { get; set; } = Ids.New(Ids.Address);
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
}

/// <summary>Owned by <see cref="Order"/>: stored in the order's row.</summary>
public sealed class Payment
{
    public string Id { get; set; } = Ids.New(Ids.Payment);
    public string? ReferenceId { get; set; }
    public long Amount { get; set; }
    public long DiscountAmount { get; set; }
    public long PlatformFeeAmount { get; set; }
    public long PspFeeAmount { get; set; }
    public long TaxAmount { get; set; }
    public long TotalAmount { get; set; }
    public long SettledAmount { get; set; }
    public PaymentStatus Status { get; set; }
    public string? PspProvider { get; set; }
    public string? CouponCode { get; set; }
    public string? TaxId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class License
{
    public string Id { get; set; } = Ids.New(Ids.License);
    public string OrderId { get; set; } = "";
    public string Key { get; set; } = "";
    public LicenseStatus Status { get; set; }
    public string ProductId { get; set; } = "";
    public string? VariantId { get; set; }
    public DateTime? ClaimedAt { get; set; }
}
