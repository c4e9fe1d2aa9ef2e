namespace Dashboard.Data.Entities;

/// <summary>[Flags] scopes of a Store API token. Wire names CASES_READ, CASES_WRITE, ORDERS_READ.</summary>
[Flags]
public enum ApiScopes
{
    None = 0,
    CasesRead = 1,
    CasesWrite = 2,
    OrdersRead = 4,
}
