using Dashboard.Domain.Tickets;

namespace Dashboard.Web.Features.Tickets;

/// <summary>A committed change to a ticket, published after the transaction succeeded.</summary>
public sealed record TicketChange(string StoreId, Guid TicketId, int Number, TicketChangeKind Kind, TicketStatus Status, DateTime At);
