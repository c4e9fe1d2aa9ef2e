namespace Dashboard.Domain.Tickets;

/// <summary>Where a platform support ticket stands. Wire names (lowercase): open, answered, closed.</summary>
public enum TicketStatus
{
    /// <summary>Waiting for platform support (a new ticket, or the merchant wrote last).</summary>
    Open = 0,

    /// <summary>Support answered last; only support sets it.</summary>
    Answered = 1,

    /// <summary>Resolved; a merchant reply or a reopen brings it back to open.</summary>
    Closed = 2,
}
