using Dashboard.Domain;

namespace Dashboard.Data.Entities;

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
