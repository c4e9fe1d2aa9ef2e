namespace Dashboard.Domain.Tickets;

/// <summary>How a ticket is named in a path: its UUID or its number.</summary>
public readonly record struct TicketKey(Guid? Id, int? Number)
{
    /// <summary>A UUID (36 characters with hyphens) or a number form of <see cref="TicketNumber.TryParse"/>.</summary>
    public static bool TryParse(string? text, out TicketKey key)
    {
        key = default;
        if (text is null) return false;
        if (Guid.TryParseExact(text.Trim(), "D", out var id))
        {
            key = new TicketKey(id, null);
            return true;
        }
        if (!TicketNumber.TryParse(text, out var number)) return false;
        key = new TicketKey(null, number);
        return true;
    }
}
