namespace Dashboard.Domain;

/// <summary>Who wrote a message (and who wrote last). Wire names: CUSTOMER, MERCHANT, SUPPORT, SYSTEM.</summary>
public enum AuthorKind
{
    Customer = 0,
    Merchant = 1,
    Support = 2,
    System = 3,
}
