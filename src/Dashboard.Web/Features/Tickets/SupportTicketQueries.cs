using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Stores;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Tickets;

/// <summary>
/// Platform support's reads across every store: the queue (oldest unanswered first), a thread with its staff
/// notes, and the store's context. Each call checks <see cref="Policies.PlatformSupport"/>; anyone else gets nothing (null or empty).
/// </summary>
public sealed class SupportTicketQueries(IDbContextFactory<DashboardDbContext> dbFactory, StoreAccess access)
{
    public const int RecentTickets = 5;

    /// <summary>
    /// Open tickets first, the one waiting longest at the top; then answered and closed ones, newest activity first.
    /// Null when <paramref name="userId"/> is not platform support.
    /// </summary>
    public async Task<TicketPage<TicketQueueRow>?> QueueAsync(string userId, TicketQueueQuery query, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(userId, Policies.PlatformSupport, ct: ct)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tickets = db.Tickets.AsNoTracking();
        if (query.StoreId is { } storeId) tickets = tickets.Where(t => t.StoreId == storeId);
        if (query.Status is { } status) tickets = tickets.Where(t => t.Status == status);
        if (query.Severity is { } severity) tickets = tickets.Where(t => t.Severity == severity);
        if (query.Category is { } category) tickets = tickets.Where(t => t.Category == category);
        tickets = TicketQueries.Search(tickets, query.Search);

        var total = await tickets.CountAsync(ct);
        var rows = await tickets
            .Join(db.Stores, t => t.StoreId, s => s.Id, (t, s) => new { Ticket = t, StoreName = s.Name })
            .OrderBy(x => x.Ticket.Status == TicketStatus.Open ? 0 : 1)
            .ThenBy(x => x.Ticket.WaitingSince)
            .ThenByDescending(x => x.Ticket.LastActivityAt)
            .ThenBy(x => x.Ticket.Id)
            .Skip(query.Offset).Take(query.Limit)
            .Select(x => new TicketQueueRow(x.Ticket.Id, x.Ticket.StoreId, x.StoreName, x.Ticket.Number, x.Ticket.Subject, x.Ticket.Category,
                x.Ticket.Severity, x.Ticket.Status, x.Ticket.CreatedAt, x.Ticket.LastActivityAt, x.Ticket.WaitingSince))
            .ToListAsync(ct);
        return new TicketPage<TicketQueueRow>(rows, total, query.Offset, query.Limit);
    }

    /// <summary>Every store that has tickets, by name (the queue's store filter).</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> StoresWithTicketsAsync(string userId, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(userId, Policies.PlatformSupport, ct: ct)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stores = await db.Stores.AsNoTracking().Where(s => db.Tickets.Any(t => t.StoreId == s.Id))
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return stores.Select(s => (s.Id, s.Name)).ToList();
    }

    /// <summary>The thread with staff notes, and the store's context; null when missing or the user is not support.</summary>
    public async Task<(TicketThread Thread, TicketStoreContext Store)?> GetAsync(string userId, Guid ticketId, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(userId, Policies.PlatformSupport, ct: ct)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null) return null;
        var entries = await TicketQueries.EntriesAsync(db, ticket.Id, includeStaffNotes: true, ct);

        var store = await db.Stores.AsNoTracking().FirstAsync(s => s.Id == ticket.StoreId, ct);
        var owner = await db.StoreMembers.AsNoTracking().Where(m => m.StoreId == store.Id && m.Role == StoreRole.Owner)
            .OrderBy(m => m.User.DisplayName).Select(m => new { m.User.DisplayName, m.User.Email }).FirstOrDefaultAsync(ct);
        var members = await db.StoreMembers.CountAsync(m => m.StoreId == store.Id, ct);
        var storeTickets = db.Tickets.AsNoTracking().Where(t => t.StoreId == store.Id);
        var open = await storeTickets.CountAsync(t => t.Status == TicketStatus.Open, ct);
        var total = await storeTickets.CountAsync(ct);
        var recent = await storeTickets.Where(t => t.Id != ticket.Id)
            .OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Number).Take(RecentTickets).ToListAsync(ct);
        var context = new TicketStoreContext(store.Id, store.Name, store.NotificationEmail, owner?.DisplayName, owner?.Email, members,
            store.CreatedAt, open, total, recent);
        return (new TicketThread(ticket, entries), context);
    }
}
