using Dashboard.Data.Entities;

namespace Dashboard.Web.Features.Tickets;

/// <summary>What support sees of the store beside a ticket: who to contact and what else it asked lately.</summary>
public sealed record TicketStoreContext(
    string StoreId, string StoreName, string NotificationEmail, string? OwnerName, string? OwnerEmail, int Members,
    DateTime StoreCreatedAt, int OpenTickets, int TotalTickets, IReadOnlyList<SupportTicket> RecentTickets);
