using Dashboard.Data.Entities;

namespace Dashboard.Web.Features.Tickets;

/// <summary>A ticket and its entries, oldest first. For a merchant, <see cref="Entries"/> never holds a staff note.</summary>
public sealed record TicketThread(SupportTicket Ticket, IReadOnlyList<TicketMessage> Entries);
