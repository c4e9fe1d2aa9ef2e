using Dashboard.Data;
using Dashboard.Data.Entities;
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

/// <summary>
/// What the menu shows. <see cref="UnseenCount"/> stops at <see cref="NotificationQueries.CountCap"/>:
/// the badge says "99+" past 99, so counting further would only cost time.
/// </summary>
public sealed record NotificationSummary(int UnseenCount, IReadOnlyList<NotificationItem> Items, int AwaitingYou, DateTime? SeenAt)
{
    public string UnseenText => UnseenCount > 99 ? "99+" : UnseenCount.ToString("N0");
}

/// <summary>
/// New cases, customer replies and support's ticket answers since the user last opened the menu
/// (<c>AppUser.NotificationsSeenAt</c>). Every signed-in page renders the menu, so every read here is a
/// short range of an index: a case opens with the customer's first message, so "new cases and customer
/// replies" are exactly the store's customer messages since the mark (<c>IX_CaseMessages_Notifications</c>),
/// counted up to <see cref="CountCap"/> and listed newest first up to <see cref="MaxItems"/>.
/// </summary>
public sealed class NotificationQueries(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Without a "seen" mark, the menu looks back this far.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);
    public const int MaxItems = 20;
    public const int CountCap = 100;

    public async Task<NotificationSummary> GetAsync(string userId, string storeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var seenAt = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.NotificationsSeenAt).FirstOrDefaultAsync(ct);
        var since = seenAt ?? clock.GetUtcNow().UtcDateTime - DefaultWindow;

        var customerMessages = db.CaseMessages.AsNoTracking()
            .Where(m => m.StoreId == storeId && m.AuthorKind == AuthorKind.Customer && m.CreatedAt > since);
        var count = await customerMessages.OrderByDescending(m => m.CreatedAt).Take(CountCap).CountAsync(ct);
        var caseItems = count == 0 ? [] : await customerMessages
            .OrderByDescending(m => m.CreatedAt).Take(MaxItems)
            .Join(db.Cases, m => m.CaseId, c => c.Id, (m, c) => new NotificationItem(
                m.CreatedAt > c.CreatedAt ? NotificationKind.CustomerReply : NotificationKind.NewCase,
                c.Id, c.Subject, m.AuthorName, m.CreatedAt))
            .ToListAsync(ct);
        // Platform support's answers to the store's own tickets (Features/Tickets).
        var (answers, answerItems) = await TicketNotifications.SinceAsync(db, storeId, since, MaxItems, ct);
        var items = caseItems.Concat(answerItems).OrderByDescending(i => i.At).Take(MaxItems).ToList();
        return new NotificationSummary(Math.Min(count + answers, CountCap), items, await AwaitingYouAsync(db, storeId, ct), seenAt);
    }

    /// <summary>Only the Awaiting you count (the tab title), for changes that move no customer message.</summary>
    public async Task<int> AwaitingYouAsync(string storeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AwaitingYouAsync(db, storeId, ct);
    }

    private static Task<int> AwaitingYouAsync(DashboardDbContext db, string storeId, CancellationToken ct) =>
        db.CaseCounts.AsNoTracking().Where(c => c.StoreId == storeId)
            .Select(StoreCaseCounts.Column(CaseStatus.AwaitingMerchant)).FirstOrDefaultAsync(ct);

    public async Task MarkAllSeenAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.NotificationsSeenAt, now), ct);
    }

    /// <summary>The browser tab's title: "(1,204) Cases · Northwind Keys" (no count at 0).</summary>
    public static string TabTitle(int awaitingYou, string? page, string? storeName)
    {
        var title = string.Join(" · ", new[] { page ?? "Cases", storeName }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return awaitingYou > 0 ? $"({awaitingYou:N0}) {title}" : title;
    }
}
