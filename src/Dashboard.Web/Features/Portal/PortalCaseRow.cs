using Dashboard.Domain;

namespace Dashboard.Web.Features.Portal;

/// <summary>One of the customer's cases in the portal's list.</summary>
public sealed record PortalCaseRow(
    string Id, string StoreId, string StoreName, string Subject, CaseStatus Status, string OrderNumber,
    DateTime LastMessageAt, AuthorKind LastMessageBy, DateTime CreatedAt);
