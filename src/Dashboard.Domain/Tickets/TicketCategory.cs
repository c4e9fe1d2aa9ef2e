namespace Dashboard.Domain.Tickets;

/// <summary>
/// What a ticket is about, in the reference's order. Wire names (lowercase): orders_payments,
/// products_catalog, domains_setup, billing_plans, store_builder, other (the default).
/// </summary>
public enum TicketCategory
{
    OrdersPayments = 0,
    ProductsCatalog = 1,
    DomainsSetup = 2,
    BillingPlans = 3,
    StoreBuilder = 4,
    Other = 5,
}
