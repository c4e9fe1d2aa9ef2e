namespace Dashboard.Web.Features.Tickets;

public enum TicketOutcome
{
    Ok,

    /// <summary>No such ticket for this caller (another store's ticket looks exactly like this).</summary>
    NotFound,

    /// <summary>The state machine refused; the error is its message.</summary>
    Refused,

    /// <summary>Bad input; the error names the field.</summary>
    Invalid,

    /// <summary>Someone else changed the ticket first; reload and try again.</summary>
    Conflict,

    /// <summary>The caller may not do this at all (not a member of the store, not platform support).</summary>
    Forbidden,
}
