using Dashboard.Domain.Tickets;

namespace Dashboard.Web.Features.Tickets;

/// <summary>Platform support's queue filters (every store unless one is chosen).</summary>
public sealed record TicketQueueQuery(
    string? StoreId = null, TicketStatus? Status = null, TicketSeverity? Severity = null, TicketCategory? Category = null,
    string? Search = null, int Offset = 0, int Limit = 25);
