namespace Dashboard.Web.Features.Api;

public sealed record ApiOrderItem(string Id, string ProductId, string? VariantId, string Name, int Quantity, long Price);
