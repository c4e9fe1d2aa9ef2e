using Dashboard.Domain;

namespace Dashboard.Data.Entities;

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
