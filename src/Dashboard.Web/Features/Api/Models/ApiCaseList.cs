namespace Dashboard.Web.Features.Api;

public sealed record ApiCaseList(IReadOnlyList<ApiCase> Items, ApiPagination Pagination);
