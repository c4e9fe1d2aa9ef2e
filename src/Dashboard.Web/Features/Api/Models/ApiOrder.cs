using System.Text.Json;
using Dashboard.Data.Entities;
using Dashboard.Domain;

namespace Dashboard.Web.Features.Api;

public sealed record ApiOrder(
    string Id, string OrderNumber, string Status, long Amount, string Currency, string? Gateway, bool Discounted,
    string? DiscountCode, JsonElement CustomFields, string? ReturnUrl, IReadOnlyList<ApiOrderItem> Items,
    ApiOrderCustomer Customer, ApiBillingAddress? BillingAddress, ApiPayment? Payment, IReadOnlyList<ApiLicense> Licenses,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static ApiOrder From(Order o) => new(
        o.Id, o.OrderNumber, WireNames.ToWire(o.Status), o.Amount, o.Currency, o.Gateway, o.Discounted, o.DiscountCode,
        ParseObject(o.CustomFieldsJson), o.ReturnUrl,
        o.Items.OrderBy(i => i.Id).Select(i => new ApiOrderItem(i.Id, i.ProductId, i.VariantId, i.Name, i.Quantity, i.Price)).ToList(),
        new ApiOrderCustomer(o.Customer.Id, o.Customer.Email, o.Customer.FirstName, o.Customer.LastName, o.Customer.Guest),
        o.BillingAddress is { } a ? new ApiBillingAddress(a.Id, a.AddressLine1, a.AddressLine2, a.City, a.State, a.PostalCode, a.Country) : null,
        o.Payment is { } p ? new ApiPayment(p.Id, p.ReferenceId, p.Amount, p.DiscountAmount, p.PlatformFeeAmount, p.PspFeeAmount,
            p.TaxAmount, p.TotalAmount, p.SettledAmount, WireNames.ToWire(p.Status), p.PspProvider, p.CouponCode, p.TaxId, p.CreatedAt) : null,
        o.Licenses.OrderBy(l => l.Id).Select(l => new ApiLicense(l.Id, l.Key, WireNames.ToWire(l.Status), l.ProductId, l.VariantId, l.ClaimedAt)).ToList(),
        o.CreatedAt, o.UpdatedAt);

    /// <summary>Custom fields are stored as JSON text; anything but an object reads as <c>{}</c>.</summary>
    private static JsonElement ParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return EmptyObject;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : EmptyObject;
        }
        catch (JsonException)
        {
            return EmptyObject;
        }
    }
}
