namespace Dashboard.Web.Features.Tickets.Api;

/// <summary>The list envelope of the reference: <c>{"data": [...], "meta": {count, offset, limit}}</c>.</summary>
public sealed record ApiSupportCaseList(IReadOnlyList<ApiSupportCase> Data, ApiSupportCaseListMeta Meta);
