using Dashboard.Domain;

namespace Dashboard.Data.Entities;

/// <summary>A buyer at one store.</summary>
public sealed class Customer
{
    public string Id { get; set; } = Ids.New(Ids.Customer);
    public string StoreId { get; set; } = "";
    public string Email { get; set; } = "";
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public bool Guest { get; set; }
    public DateTime CreatedAt { get; set; }

    public string DisplayName => string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } n ? n : Email;
}
