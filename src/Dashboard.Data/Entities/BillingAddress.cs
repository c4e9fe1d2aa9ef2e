using Dashboard.Domain;

namespace Dashboard.Data.Entities;

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
