namespace Dashboard.Web.Features.Tickets.Api;

/// <summary>
/// <c>count</c> is the number of cases that match the filters in all (not only this page), so a client
/// knows when to stop paging; <c>offset</c> and <c>limit</c> echo the page asked for.
/// </summary>
public sealed record ApiSupportCaseListMeta(int Count, int Offset, int Limit);
