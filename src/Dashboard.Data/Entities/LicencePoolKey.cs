using Dashboard.Domain;

namespace Dashboard.Data.Entities;

/// <summary>
/// One key in a product's (or variant's) pool. Available keys wait to be handed out; a replacement
/// claims one for an order (<see cref="OrderId"/>, <see cref="LicenseId"/> of the order's new licence);
/// a key taken out of the pool unused is revoked. Statuses follow <see cref="LicenceWorkflow"/>.
/// </summary>
public sealed class LicencePoolKey
{
    public const string IdPrefix = "lpk_";

    public string Id { get; set; } = Ids.New(IdPrefix);
    public string StoreId { get; set; } = "";
    public string ProductId { get; set; } = "";
    public string? VariantId { get; set; }
    public string Key { get; set; } = "";
    public LicenseStatus Status { get; set; }
    public DateTime AddedAt { get; set; }

    /// <summary>Set together when the key is claimed: the order and the order licence it became.</summary>
    public string? OrderId { get; set; }
    public string? LicenseId { get; set; }
    public DateTime? ClaimedAt { get; set; }
}
