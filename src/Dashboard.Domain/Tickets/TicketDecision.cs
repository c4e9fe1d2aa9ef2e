namespace Dashboard.Domain.Tickets;

/// <summary>The outcome of asking <see cref="TicketWorkflow"/>: a refusal with its message, or the new state.</summary>
public sealed record TicketDecision
{
    public required bool IsAllowed { get; init; }
    public string? Refusal { get; init; }
    public TicketState? State { get; init; }
    public TicketEffects Effects { get; init; }

    /// <summary>True when the state differs from the one passed in.</summary>
    public bool Changed { get; init; }

    /// <summary>The trigger carries an entry to append (reply, answer or note), and of which kind.</summary>
    public TicketEntryKind? Appends { get; init; }

    public TicketState NewState => State ?? throw new InvalidOperationException("A refused decision has no state: " + Refusal);

    internal static TicketDecision Refuse(string message) => new() { IsAllowed = false, Refusal = message };
}
