using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Portal;

/// <summary>
/// The portal's reads, always for one customer: the normalized email of the signed-in portal identity.
/// A customer row belongs to one store, so "the customer" is every row with that email, in every store.
/// Anything that is not theirs reads exactly like something that does not exist.
/// </summary>
public sealed class PortalQueries(IDbContextFactory<DashboardDbContext> dbFactory, CaseQueries cases)
{
    /// <summary>More than any real customer has; a guard, not a page size.</summary>
    public const int MaxRows = 500;

    /// <summary>Every order bought with <paramref name="customerEmail"/> at any store, newest first.</summary>
    public async Task<IReadOnlyList<PortalOrder>> OrdersAsync(string customerEmail, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Orders(db, db.Orders.Where(o => o.Customer.NormalizedEmail == customerEmail)).Take(MaxRows).ToListAsync(ct);
    }

    /// <summary>One of the customer's orders, or null when it is not theirs.</summary>
    public async Task<PortalOrder?> OrderAsync(string customerEmail, string orderId, CancellationToken ct = default)
    {
        if (!Ids.IsValid(orderId, Ids.Order)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Orders(db, db.Orders.Where(o => o.Id == orderId && o.Customer.NormalizedEmail == customerEmail)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The portal's one shape of an order, newest first.</summary>
    private static IQueryable<PortalOrder> Orders(DashboardDbContext db, IQueryable<Order> orders) =>
        orders.AsNoTracking()
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Select(o => new PortalOrder(
                o.Id, o.StoreId, db.Stores.Where(s => s.Id == o.StoreId).Select(s => s.Name).First(),
                o.OrderNumber, o.Status, o.Amount, o.Currency, o.CreatedAt,
                o.Items.OrderBy(i => i.Name).Select(i => new PortalOrderItem(i.Name, i.Quantity, i.Price)).ToList(),
                db.Cases.Count(c => c.StoreId == o.StoreId && c.OrderId == o.Id)));

    /// <summary>The customer's cases at every store, latest activity first.</summary>
    public async Task<IReadOnlyList<PortalCaseRow>> CasesAsync(string customerEmail, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Cases.AsNoTracking()
            .Where(c => c.Customer.NormalizedEmail == customerEmail)
            .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(MaxRows)
            .Select(c => new PortalCaseRow(
                c.Id, c.StoreId, db.Stores.Where(s => s.Id == c.StoreId).Select(s => s.Name).First(), c.Subject, c.Status,
                c.Order.OrderNumber, c.LastMessageAt, c.LastMessageBy, c.CreatedAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The case with the timeline a customer sees (messages, auto-replies, support posts, status
    /// changes; never notes), or null when it is not this customer's.
    /// </summary>
    public async Task<PortalCaseDetail?> CaseAsync(string customerEmail, string caseId, CancellationToken ct = default)
    {
        if (await OwnerStoreAsync(customerEmail, caseId, ct) is not { } owned) return null;
        var detail = await cases.GetAsync(owned.StoreId, caseId, TimelineAudience.CustomerPortal, ct);
        return detail is null ? null : new PortalCaseDetail(detail, owned.StoreName);
    }

    /// <summary>The store of the customer's case <paramref name="caseId"/>, or null when it is not theirs (or no case at all).</summary>
    public async Task<(string StoreId, string StoreName)?> OwnerStoreAsync(string customerEmail, string caseId, CancellationToken ct = default)
    {
        if (!Ids.IsValid(caseId, Ids.Case)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId && c.Customer.NormalizedEmail == customerEmail)
            .Select(c => new { c.StoreId, StoreName = db.Stores.Where(s => s.Id == c.StoreId).Select(s => s.Name).First() })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : (found.StoreId, found.StoreName);
    }
}
