using Dashboard.Domain;

namespace Dashboard.Web.Features.Support;

/// <summary>One escalated case in the console queue, with its signals, assignee and waiting times.</summary>
public sealed record ConsoleQueueRow(
    string Id, string StoreId, string StoreName, string Subject, CaseStatus Status, CasePriority Priority,
    DateTime LastMessageAt, AuthorKind LastMessageBy, string? AssigneeId, string? AssigneeName,
    IReadOnlyList<EscalationSignalKind> Signals, DateTime? LastCustomerMessageAt, DateTime? LastStaffMessageAt, bool Overdue)
{
    /// <summary>The customer wrote after staff last did (or staff never did): the customer is the one waiting.</summary>
    public bool CustomerWaiting => LastCustomerMessageAt is { } c && (LastStaffMessageAt is not { } s || c > s);
}
