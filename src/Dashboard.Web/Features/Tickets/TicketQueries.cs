using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Tickets;

/// <summary>
/// A store's view of its tickets (dashboard and API): one sort order (newest activity first, then
/// number), one search, and threads without staff notes: the merchant's projection is defined once, here.
/// </summary>
public sealed class TicketQueries(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public async Task<TicketPage<SupportTicket>> ListAsync(string storeId, TicketListQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tickets = db.Tickets.AsNoTracking().Where(t => t.StoreId == storeId);
        if (query.Status is { } status) tickets = tickets.Where(t => t.Status == status);
        if (query.Severity is { } severity) tickets = tickets.Where(t => t.Severity == severity);
        tickets = Search(tickets, query.Search);

        var total = await tickets.CountAsync(ct);
        var rows = await tickets.OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Number)
            .Skip(query.Offset).Take(query.Limit).ToListAsync(ct);
        return new TicketPage<SupportTicket>(rows, total, query.Offset, query.Limit);
    }

    /// <summary>The ticket by UUID or number, with the messages both sides see (never staff notes), or null.</summary>
    public async Task<TicketThread?> GetAsync(string storeId, TicketKey key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tickets = db.Tickets.AsNoTracking().Where(t => t.StoreId == storeId);
        var ticket = await (key.Id is { } id ? tickets.Where(t => t.Id == id) : tickets.Where(t => t.Number == key.Number)).FirstOrDefaultAsync(ct);
        if (ticket is null) return null;
        var messages = await EntriesAsync(db, ticket.Id, includeStaffNotes: false, ct);
        return new TicketThread(ticket, messages);
    }

    /// <summary>Subject words (case-insensitive, anywhere) or the number in any of its forms (42, 000042, #000042).</summary>
    public static IQueryable<SupportTicket> Search(IQueryable<SupportTicket> tickets, string? search)
    {
        var text = search?.Trim();
        if (string.IsNullOrEmpty(text)) return tickets;
        var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        if (TicketNumber.TryParse(text, out var number))
            return tickets.Where(t => t.Number == number || EF.Functions.Like(t.Subject, pattern, "\\"));
        return tickets.Where(t => EF.Functions.Like(t.Subject, pattern, "\\"));
    }

    internal static async Task<IReadOnlyList<TicketMessage>> EntriesAsync(DashboardDbContext db, Guid ticketId, bool includeStaffNotes, CancellationToken ct)
    {
        var entries = db.TicketMessages.AsNoTracking().Include(m => m.Attachments).Where(m => m.TicketId == ticketId);
        if (!includeStaffNotes) entries = entries.Where(m => m.Kind == TicketEntryKind.Message);
        var list = await entries.OrderBy(m => m.CreatedAt).ThenBy(m => m.Sequence).ToListAsync(ct);
        foreach (var m in list) m.Attachments.Sort((a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : string.CompareOrdinal(a.Id, b.Id));
        return list;
    }
}
