namespace Dashboard.Domain.Tickets;

/// <summary>What happens to a ticket. Each record is one row (or group of rows) of <see cref="TicketWorkflow"/>'s table.</summary>
public abstract record TicketTrigger
{
    private TicketTrigger() { }

    /// <summary>A store member (dashboard) or a store API token writes on the ticket.</summary>
    public sealed record MerchantReplies : TicketTrigger;

    /// <summary>The merchant closes or reopens (dashboard buttons, PATCH). Any other target is refused.</summary>
    public sealed record MerchantSetsStatus(TicketStatus Target) : TicketTrigger;

    /// <summary>Platform support answers (branded "Pandabase Support").</summary>
    public sealed record SupportAnswers : TicketTrigger;

    /// <summary>Platform support writes an internal note: no status change, never shown to the merchant.</summary>
    public sealed record SupportAddsNote : TicketTrigger;

    /// <summary>Platform support closes the ticket.</summary>
    public sealed record SupportCloses : TicketTrigger;
}
