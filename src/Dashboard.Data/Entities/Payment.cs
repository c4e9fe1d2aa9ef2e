using Dashboard.Domain;

namespace Dashboard.Data.Entities;

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
