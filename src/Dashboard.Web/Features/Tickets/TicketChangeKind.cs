namespace Dashboard.Web.Features.Tickets;

public enum TicketChangeKind
{
    Opened,
    MerchantMessage,
    SupportAnswer,
    StatusChanged,

    /// <summary>Delivered to platform support's subscribers only: a store never hears of a staff note.</summary>
    StaffNote,
}
