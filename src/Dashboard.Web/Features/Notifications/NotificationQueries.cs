using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Web.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Notifications;

public enum NotificationKind { NewCase, CustomerReply, SupportAnswer }

/// <summary>One line of the notification menu, linking to the case (or, with <paramref name="Link"/>, to a platform support ticket).</summary>
public sealed record NotificationItem(NotificationKind Kind, string CaseId, string Subject, string Who, DateTime At, string? Link = null)
{
    public string Href => Link ?? $"/cases/{CaseId}";
    public string Text => Kind switch
    {
        NotificationKind.NewCase => $"New case from {Who}",
        NotificationKind.SupportAnswer => $"{Who} answered your ticket",
        _ => $"{Who} replied",
    };
}

public sealed record NotificationSummary(int UnseenCount, IReadOnlyList<NotificationItem> Items, int AwaitingYou, DateTime? SeenAt);

/// <summary>New cases, customer replies and support's ticket answers since the user last opened the menu (<c>AppUser.NotificationsSeenAt</c>).</summary>
public sealed class NotificationQueries(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Without a "seen" mark, the menu looks back this far.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);
    public const int MaxItems = 20;

    public async Task<NotificationSummary> GetAsync(string userId, string storeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var seenAt = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.NotificationsSeenAt).FirstOrDefaultAsync(ct);
        var since = seenAt ?? clock.GetUtcNow().UtcDateTime - DefaultWindow;

        var newCases = db.Cases.AsNoTracking().Where(c => c.StoreId == storeId && c.CreatedAt > since);
        // A customer's message after the opening one (the opening message is the new case itself).
        var replies = db.CaseMessages.AsNoTracking()
            .Where(m => m.StoreId == storeId && m.AuthorKind == AuthorKind.Customer && m.CreatedAt > since)
            .Join(db.Cases, m => m.CaseId, c => c.Id, (m, c) => new { m, c })
            .Where(x => x.m.CreatedAt > x.c.CreatedAt);

        var count = await newCases.CountAsync(ct) + await replies.CountAsync(ct);
        var caseItems = await newCases.OrderByDescending(c => c.CreatedAt).Take(MaxItems)
            .Select(c => new { c.Id, c.Subject, Who = c.Customer.FirstName ?? c.Customer.Email, c.CreatedAt }).ToListAsync(ct);
        var replyItems = await replies.OrderByDescending(x => x.m.CreatedAt).Take(MaxItems)
            .Select(x => new { x.c.Id, x.c.Subject, Who = x.m.AuthorName, x.m.CreatedAt }).ToListAsync(ct);
        // Platform support's answers to the store's own tickets (Features/Tickets).
        var (answers, answerItems) = await TicketNotifications.SinceAsync(db, storeId, since, MaxItems, ct);
        count += answers;
        var items = caseItems.Select(c => new NotificationItem(NotificationKind.NewCase, c.Id, c.Subject, c.Who, c.CreatedAt))
            .Concat(replyItems.Select(r => new NotificationItem(NotificationKind.CustomerReply, r.Id, r.Subject, r.Who, r.CreatedAt)))
            .Concat(answerItems)
            .OrderByDescending(i => i.At).Take(MaxItems).ToList();

        var awaiting = await db.CaseCounts.AsNoTracking().Where(c => c.StoreId == storeId).Select(c => c.AwaitingMerchant).FirstOrDefaultAsync(ct);
        return new NotificationSummary(count, items, awaiting, seenAt);
    }

    public async Task MarkAllSeenAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.NotificationsSeenAt, now), ct);
    }

    /// <summary>The browser tab's title: "(12) Cases · Northwind Keys" (no count at 0).</summary>
    public static string TabTitle(int awaitingYou, string? page, string? storeName)
    {
        var title = string.Join(" · ", new[] { page ?? "Cases", storeName }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return awaitingYou > 0 ? $"({awaitingYou}) {title}" : title;
    }
}
