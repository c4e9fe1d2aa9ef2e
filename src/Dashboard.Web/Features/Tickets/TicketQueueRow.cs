using Dashboard.Domain.Tickets;

namespace Dashboard.Web.Features.Tickets;

/// <summary>A line of support's queue: the ticket, whose it is, and since when the merchant waits.</summary>
public sealed record TicketQueueRow(
    Guid Id, string StoreId, string StoreName, int Number, string Subject, TicketCategory Category, TicketSeverity Severity,
    TicketStatus Status, DateTime CreatedAt, DateTime LastActivityAt, DateTime? WaitingSince);
