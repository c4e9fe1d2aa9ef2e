namespace Dashboard.Data.Entities;

/// <summary>
/// [Flags] scopes of a store API token. Wire names CASES_READ, CASES_WRITE, ORDERS_READ (Store API v2),
/// TICKETS_READ, TICKETS_WRITE (the store's own platform support tickets, /api/v1/support-cases).
/// </summary>
[Flags]
public enum ApiScopes
{
    None = 0,
    CasesRead = 1,
    CasesWrite = 2,
    OrdersRead = 4,
    TicketsRead = 8,
    TicketsWrite = 16,
}
