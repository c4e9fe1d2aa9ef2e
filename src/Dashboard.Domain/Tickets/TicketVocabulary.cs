namespace Dashboard.Domain.Tickets;

/// <summary>
/// The ticket enums in the order the reference lists them (menus, error messages, the OpenAPI document),
/// their defaults, and their labels as people read them.
/// </summary>
public static class TicketVocabulary
{
    public const TicketCategory DefaultCategory = TicketCategory.Other;
    public const TicketSeverity DefaultSeverity = TicketSeverity.Normal;

    public static readonly IReadOnlyList<TicketCategory> Categories =
    [
        TicketCategory.OrdersPayments, TicketCategory.ProductsCatalog, TicketCategory.DomainsSetup,
        TicketCategory.BillingPlans, TicketCategory.StoreBuilder, TicketCategory.Other,
    ];

    /// <summary>Most severe first, as the reference lists them.</summary>
    public static readonly IReadOnlyList<TicketSeverity> Severities =
        [TicketSeverity.Critical, TicketSeverity.High, TicketSeverity.Normal, TicketSeverity.Low];

    public static readonly IReadOnlyList<TicketStatus> Statuses = [TicketStatus.Open, TicketStatus.Answered, TicketStatus.Closed];

    public static string Label(TicketStatus status) => status switch
    {
        TicketStatus.Open => "Open",
        TicketStatus.Answered => "Answered",
        TicketStatus.Closed => "Closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Label(TicketSeverity severity) => severity switch
    {
        TicketSeverity.Critical => "Critical",
        TicketSeverity.High => "High",
        TicketSeverity.Normal => "Normal",
        TicketSeverity.Low => "Low",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static string Label(TicketCategory category) => category switch
    {
        TicketCategory.OrdersPayments => "Orders & payments",
        TicketCategory.ProductsCatalog => "Products & catalog",
        TicketCategory.DomainsSetup => "Domains & setup",
        TicketCategory.BillingPlans => "Billing & plans",
        TicketCategory.StoreBuilder => "Store builder",
        TicketCategory.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>"a, b, c or d" of the wire names in reference order (error messages).</summary>
    public static string WireList<T>(IEnumerable<T> values) where T : struct, Enum
    {
        var names = values.Select(LowerWireNames.ToWire).ToArray();
        return names.Length <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}
