namespace Dashboard.Data.Entities;

/// <summary>
/// The last ticket number a store used. Opening a ticket increments it in the same transaction as the
/// insert, so numbers count up from 1 per store and never repeat, however many are opened at once.
/// </summary>
public sealed class TicketCounter
{
    public string StoreId { get; set; } = "";
    public int LastNumber { get; set; }
}
