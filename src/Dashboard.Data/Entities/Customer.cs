using Dashboard.Domain;

namespace Dashboard.Data.Entities;

/// <summary>A buyer at one store.</summary>
public sealed class Customer
{
    public string Id { get; set; } = Ids.New(Ids.Customer);
    public string StoreId { get; set; } = "";
    private string _email = "";

    public string Email
    {
        get => _email;
        set
        {
            _email = value;
            NormalizedEmail = CustomerEmail.Normalize(value);
        }
    }

    /// <summary>
    /// <see cref="Email"/> as the customer portal matches it (<see cref="CustomerEmail.Normalize"/>),
    /// kept in step by the setter: the portal finds a person's rows of every store by it.
    /// </summary>
    public string NormalizedEmail { get; set; } = "";
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public bool Guest { get; set; }
    public DateTime CreatedAt { get; set; }

    public string DisplayName => string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } n ? n : Email;
}
