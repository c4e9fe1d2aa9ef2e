namespace Dashboard.Web.Features.Api;

public sealed record ApiPayment(
    string Id, string? ReferenceId, long Amount, long DiscountAmount, long PlatformFeeAmount, long PspFeeAmount,
    long TaxAmount, long TotalAmount, long SettledAmount, string Status, string? PspProvider, string? CouponCode,
    string? TaxId, DateTime CreatedAt);
