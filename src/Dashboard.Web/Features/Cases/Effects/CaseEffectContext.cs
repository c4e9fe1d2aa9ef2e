using Dashboard.Data;
using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Cases.Effects;

/// <summary>
/// What an effect handler works on: the change's own context (so what it adds commits with the
/// change or not at all), the case, the message the change wrote (if any), and the next timeline
/// sequence number. The store and customer are loaded once, on first use.
/// </summary>
public sealed class CaseEffectContext(DashboardDbContext db, SupportCase supportCase, CaseMessage? message, bool opened, DateTime now, long nextSequence)
{
    private Store? _store;
    private Customer? _customer;
    private long _sequence = nextSequence;

    public DashboardDbContext Db => db;
    public SupportCase Case => supportCase;

    /// <summary>The message the change wrote (a reply, a support post, the opening message), or null.</summary>
    public CaseMessage? Message => message;

    /// <summary>True when the change is the customer opening the case.</summary>
    public bool Opened => opened;
    public DateTime Now => now;

    /// <summary>Orders an added entry after the change's own entries.</summary>
    public long NextSequence() => _sequence++;

    public async Task<Store> StoreAsync(CancellationToken ct) =>
        _store ??= await db.Stores.AsNoTracking().FirstAsync(s => s.Id == supportCase.StoreId, ct);

    public async Task<Customer> CustomerAsync(CancellationToken ct) =>
        _customer ??= supportCase.Customer ?? await db.Customers.AsNoTracking().FirstAsync(c => c.Id == supportCase.CustomerId, ct);
}
