namespace Dashboard.Web.Features.Api;

public sealed record ApiError(string Code, string Message);
