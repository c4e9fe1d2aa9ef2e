namespace Dashboard.Web.Features.Api;

public sealed record ApiOk<T>(bool Ok, T Data);
