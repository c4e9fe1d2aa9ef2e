namespace Dashboard.Web.Features.Api;

public sealed record ApiOrderRef(string Id, string OrderNumber, long Amount, string Currency);
