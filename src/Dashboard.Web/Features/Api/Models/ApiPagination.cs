namespace Dashboard.Web.Features.Api;

public sealed record ApiPagination(int Page, int Limit, int Total, int TotalPages);
