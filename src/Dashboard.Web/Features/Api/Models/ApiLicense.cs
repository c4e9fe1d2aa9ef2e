namespace Dashboard.Web.Features.Api;

public sealed record ApiLicense(string Id, string Key, string Status, string ProductId, string? VariantId, DateTime? ClaimedAt);
