namespace Dashboard.Domain.Tickets;

/// <summary>What a decision asks the caller to do besides saving the state (every flag has a handler in the service).</summary>
[Flags]
public enum TicketEffects
{
    None = 0,

    /// <summary>Tell the store: an email to its notification address (the dashboard's menu reads the answer itself).</summary>
    EmailStore = 1,
}
