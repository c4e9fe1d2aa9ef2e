using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Tickets;

/// <summary>
/// The notification menu's ticket lines: platform support's answers to the store since the user last looked.
/// The menu loads on every page, so this is a range of the index on TicketMessages (store, authorKind, createdAt),
/// never a scan. Staff notes are never among them.
/// </summary>
public static class TicketNotifications
{
    public static IQueryable<TicketMessage> AnswersSince(DashboardDbContext db, string storeId, DateTime since) =>
        db.TicketMessages.AsNoTracking()
            .Where(m => m.StoreId == storeId && m.AuthorKind == AuthorKind.Support && m.CreatedAt > since && m.Kind == TicketEntryKind.Message);

    public static async Task<(int Count, IReadOnlyList<NotificationItem> Items)> SinceAsync(DashboardDbContext db, string storeId, DateTime since, int max, CancellationToken ct)
    {
        var answers = AnswersSince(db, storeId, since);
        var count = await answers.CountAsync(ct);
        if (count == 0) return (0, []);
        var rows = await answers.OrderByDescending(m => m.CreatedAt).Take(max)
            .Join(db.Tickets, m => m.TicketId, t => t.Id, (m, t) => new { t.Id, t.Number, t.Subject, m.AuthorLabel, m.CreatedAt })
            .ToListAsync(ct);
        return (count, rows.Select(r => new NotificationItem(NotificationKind.SupportAnswer, r.Id.ToString("D"),
            $"{TicketNumber.Format(r.Number)} {r.Subject}", r.AuthorLabel, r.CreatedAt, $"/help/{r.Number}")).ToList());
    }
}
