using Dashboard.Domain.Tickets;

namespace Dashboard.Data.Entities;

/// <summary>A merchant's own request to platform support (not a customer's case): numbered per store, UUID id.</summary>
public sealed class SupportTicket
{
    /// <summary>A UUID v7 (time-ordered), made by the service from its clock.</summary>
    public Guid Id { get; set; }
    public string StoreId { get; set; } = "";

    /// <summary>1, 2, 3, … per store, never reused (from <see cref="TicketCounter"/>).</summary>
    public int Number { get; set; }
    public string Subject { get; set; } = "";
    public TicketCategory Category { get; set; }
    public TicketSeverity Severity { get; set; }
    public TicketStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastActivityAt { get; set; }

    /// <summary>Set while the ticket waits for support; the staff queue serves the oldest first.</summary>
    public DateTime? WaitingSince { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The store member who opened it in the dashboard; null when opened through the API.</summary>
    public string? OpenedByUserId { get; set; }

    /// <summary>Optimistic concurrency: every write bumps it; a write based on an older value is refused.</summary>
    public long Version { get; set; }

    public List<TicketMessage> Messages { get; set; } = [];

    public TicketState ToState() => new(Status, LastActivityAt, WaitingSince, ClosedAt, UpdatedAt);

    public void Apply(TicketState state)
    {
        Status = state.Status;
        LastActivityAt = state.LastActivityAt;
        WaitingSince = state.WaitingSince;
        ClosedAt = state.ClosedAt;
        UpdatedAt = state.UpdatedAt;
    }
}
