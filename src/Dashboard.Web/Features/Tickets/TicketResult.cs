using Dashboard.Data.Entities;

namespace Dashboard.Web.Features.Tickets;

/// <summary>What a ticket command did. Pages show the error as is; the API maps the outcome to a status.</summary>
public sealed record TicketResult(TicketOutcome Outcome, string? Error = null, SupportTicket? Ticket = null, TicketMessage? Message = null)
{
    public const string ConflictMessage = "This ticket was changed by someone else at the same time. It has been reloaded; please check and try again.";

    public bool Succeeded => Outcome == TicketOutcome.Ok;
    public static TicketResult NotFound { get; } = new(TicketOutcome.NotFound, "Ticket not found");
    public static TicketResult Conflict { get; } = new(TicketOutcome.Conflict, ConflictMessage);
    public static TicketResult Refused(string message) => new(TicketOutcome.Refused, message);
    public static TicketResult Invalid(string message) => new(TicketOutcome.Invalid, message);
    public static TicketResult Forbidden(string message) => new(TicketOutcome.Forbidden, message);
}
