using Dashboard.Domain;
using Dashboard.Domain.Tickets;

namespace Dashboard.Web.Features.Tickets;

/// <summary>How the pages write ticket enums, numbers and errors for people.</summary>
public static class TicketDisplay
{
    /// <summary>A CSS-friendly name: OrdersPayments → "orders-payments".</summary>
    public static string Css<T>(T value) where T : struct, Enum => LowerWireNames.ToWire(value).Replace('_', '-');

    /// <summary>What the merchant's status buttons say.</summary>
    public static string MerchantAction(TicketStatus target) => target switch
    {
        TicketStatus.Closed => "Close ticket",
        TicketStatus.Open => "Reopen ticket",
        TicketStatus.Answered => "Mark answered",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    /// <summary>The service's errors name wire fields (shared with the API); the form names its own fields.</summary>
    public static string ForPeople(string error) =>
        error.StartsWith("body ", StringComparison.Ordinal) ? "Message " + error[5..]
        : error.StartsWith("subject ", StringComparison.Ordinal) ? "Subject " + error[8..]
        : error;

    /// <summary>How long a merchant has waited: "just now", "12 min", "3 h", "4 d".</summary>
    public static string Waiting(DateTime since, DateTime now)
    {
        var age = now - since;
        if (age < TimeSpan.FromMinutes(1)) return "just now";
        if (age < TimeSpan.FromHours(1)) return $"{(int)age.TotalMinutes} min";
        if (age < TimeSpan.FromDays(1)) return $"{(int)age.TotalHours} h";
        return $"{(int)age.TotalDays} d";
    }

    /// <summary>The role line of an entry: whose side wrote it, as the viewer reads it.</summary>
    public static string Role(AuthorKind kind, string? authorUserId, string? currentUserId, bool supportView) => kind switch
    {
        AuthorKind.Support => "Platform support",
        AuthorKind.Merchant when authorUserId is null => supportView ? "Merchant · via API" : "via API",
        AuthorKind.Merchant when supportView => "Merchant",
        AuthorKind.Merchant => authorUserId == currentUserId ? "You" : "Your team",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A ticket is written by the merchant or support"),
    };
}
