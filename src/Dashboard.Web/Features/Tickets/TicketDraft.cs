using Dashboard.Domain.Tickets;

namespace Dashboard.Web.Features.Tickets;

/// <summary>A new ticket as the merchant fills it in: a null subject is generated from the body, null category/severity take the defaults.</summary>
public sealed record TicketDraft(string? Body, string? Subject = null, TicketCategory? Category = null, TicketSeverity? Severity = null);
