namespace Dashboard.Domain.Tickets;

/// <summary>How badly the merchant is affected. Wire names (lowercase): critical, high, normal, low.</summary>
public enum TicketSeverity
{
    Low = 0,
    Normal = 1,
    High = 2,
    Critical = 3,
}
