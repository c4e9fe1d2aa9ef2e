using Dashboard.Domain.Tickets;

namespace Dashboard.Web.Features.Tickets;

/// <summary>A page of one store's tickets: optional status and severity, a search over subject and number.</summary>
public sealed record TicketListQuery(
    TicketStatus? Status = null, TicketSeverity? Severity = null, string? Search = null,
    int Offset = 0, int Limit = TicketLimits.PageSizeDefault);
