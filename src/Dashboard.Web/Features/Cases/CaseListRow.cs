using Dashboard.Domain;

namespace Dashboard.Web.Features.Cases;

/// <summary>One row of the list: everything the table shows, nothing more.</summary>
public sealed record CaseListRow(
    string Id, string Subject, CaseStatus Status, CasePriority Priority,
    string CustomerId, string CustomerEmail, string? CustomerFirstName, string? CustomerLastName,
    string OrderId, string OrderNumber, long OrderAmount, string OrderCurrency,
    DateTime LastMessageAt, AuthorKind LastMessageBy, int UnreadCount, bool Escalated,
    DateTime? ClosedAt, AuthorKind? ClosedBy, DateTime CreatedAt, DateTime UpdatedAt,
    string? AssigneeUserId = null)
{
    public string CustomerName => string.Join(' ', new[] { CustomerFirstName, CustomerLastName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } n ? n : CustomerEmail;
}
