namespace Dashboard.Web.Features.Api;

public sealed record ApiBillingAddress(string Id, string? AddressLine1, string? AddressLine2, string? City, string? State, string? PostalCode, string? Country);
