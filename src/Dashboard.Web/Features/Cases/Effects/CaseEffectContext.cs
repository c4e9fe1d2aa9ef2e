using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Cases.Effects;

/// <summary>
/// What an effect handler works on: the change's own context (so what it adds commits with the
/// change or not at all), the case, the message the change wrote (if any), the trigger decided
/// (null for an opening), and the next timeline sequence number. The store, customer and order are
/// loaded once, on first use.
/// </summary>
public sealed class CaseEffectContext(DashboardDbContext db, SupportCase supportCase, CaseMessage? message, CaseTrigger? trigger,
    DateTime now, long nextSequence)
{
    private Store? _store;
    private Customer? _customer;
    private Order? _order;
    private long _sequence = nextSequence;

    public DashboardDbContext Db => db;
    public SupportCase Case => supportCase;

    /// <summary>The message the change wrote (a reply, a support post, the opening message), or null.</summary>
    public CaseMessage? Message => message;

    /// <summary>What was decided; null when the change is the customer opening the case.</summary>
    public CaseTrigger? Trigger => trigger;

    /// <summary>True when the change is the customer opening the case.</summary>
    public bool Opened => trigger is null;
    public DateTime Now => now;

    /// <summary>Orders an added entry after the change's own entries.</summary>
    public long NextSequence() => _sequence++;

    public async Task<Store> StoreAsync(CancellationToken ct) =>
        _store ??= await db.Stores.AsNoTracking().FirstAsync(s => s.Id == supportCase.StoreId, ct);

    public async Task<Customer> CustomerAsync(CancellationToken ct) =>
        _customer ??= supportCase.Customer ?? await db.Customers.AsNoTracking().FirstAsync(c => c.Id == supportCase.CustomerId, ct);

    public async Task<Order> OrderAsync(CancellationToken ct) =>
        _order ??= supportCase.Order ?? await db.Orders.AsNoTracking().FirstAsync(o => o.Id == supportCase.OrderId, ct);
}
