namespace Dashboard.Web.Features.Api;

public sealed record ApiOrderCustomer(string Id, string Email, string? FirstName, string? LastName, bool Guest);
