namespace Dashboard.Domain.Tickets;

/// <summary>An entry of a ticket's thread: a message both sides see, or a staff note only support sees.</summary>
public enum TicketEntryKind
{
    Message = 0,

    /// <summary>Support's internal note: never shown to the merchant (pages, API, email).</summary>
    StaffNote = 1,
}
