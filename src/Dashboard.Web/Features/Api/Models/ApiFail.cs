namespace Dashboard.Web.Features.Api;

public sealed record ApiFail(bool Ok, ApiError Error);
