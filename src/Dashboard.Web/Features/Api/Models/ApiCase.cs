using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;

namespace Dashboard.Web.Features.Api;

public sealed record ApiCase(
    string Id, string Subject, string Status, string Priority, string OrderId, string CustomerId,
    DateTime LastMessageAt, string LastMessageBy, int UnreadCount, bool Escalated,
    DateTime? ClosedAt, string? ClosedBy, DateTime CreatedAt, DateTime UpdatedAt,
    ApiCustomerRef Customer, ApiOrderRef Order)
{
    public static ApiCase From(CaseListRow r) => new(
        r.Id, r.Subject, WireNames.ToWire(r.Status), WireNames.ToWire(r.Priority), r.OrderId, r.CustomerId,
        r.LastMessageAt, WireNames.ToWire(r.LastMessageBy), r.UnreadCount, r.Escalated,
        r.ClosedAt, r.ClosedBy is { } by ? WireNames.ToWire(by) : null, r.CreatedAt, r.UpdatedAt,
        new ApiCustomerRef(r.CustomerId, r.CustomerEmail, r.CustomerFirstName, r.CustomerLastName),
        new ApiOrderRef(r.OrderId, r.OrderNumber, r.OrderAmount, r.OrderCurrency));

    public static ApiCase From(SupportCase c, Customer customer, Order order) => new(
        c.Id, c.Subject, WireNames.ToWire(c.Status), WireNames.ToWire(c.Priority), c.OrderId, c.CustomerId,
        c.LastMessageAt, WireNames.ToWire(c.LastMessageBy), c.UnreadCount, c.Escalated,
        c.ClosedAt, c.ClosedBy is { } by ? WireNames.ToWire(by) : null, c.CreatedAt, c.UpdatedAt,
        new ApiCustomerRef(customer.Id, customer.Email, customer.FirstName, customer.LastName),
        new ApiOrderRef(order.Id, order.OrderNumber, order.Amount, order.Currency));
}
