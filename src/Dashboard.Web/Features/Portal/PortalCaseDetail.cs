using Dashboard.Web.Features.Cases;

namespace Dashboard.Web.Features.Portal;

/// <summary>A case opened in the portal: the case with the customer's timeline (<see cref="Domain.TimelineAudience.CustomerPortal"/>) and its store's name.</summary>
public sealed record PortalCaseDetail(CaseDetail Detail, string StoreName);
