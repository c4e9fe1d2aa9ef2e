namespace Dashboard.Domain.Tickets;

/// <summary>Thrown by <see cref="TicketWorkflow.Apply"/> when the rules refuse; the message is the refusal.</summary>
public sealed class TicketRuleException(string message) : Exception(message);
