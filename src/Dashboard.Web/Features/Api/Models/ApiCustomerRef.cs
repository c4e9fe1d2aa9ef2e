namespace Dashboard.Web.Features.Api;

public sealed record ApiCustomerRef(string Id, string Email, string? FirstName, string? LastName);
