namespace Dashboard.Domain.Tickets;

/// <summary>The part of a ticket the rules read and write. Persistence copies it in and out.</summary>
/// <param name="LastActivityAt">The last message of either side or status change (notes do not count); the merchant's list sorts by it.</param>
/// <param name="WaitingSince">Since when the merchant has been waiting for support (set while open); support's queue serves the oldest first.</param>
public sealed record TicketState(
    TicketStatus Status,
    DateTime LastActivityAt,
    DateTime? WaitingSince,
    DateTime? ClosedAt,
    DateTime UpdatedAt);
