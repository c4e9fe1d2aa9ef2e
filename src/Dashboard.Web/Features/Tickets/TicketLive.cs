using Dashboard.Web.Features.Cases;

namespace Dashboard.Web.Features.Tickets;

/// <summary>
/// The live part of a ticket page, like <see cref="LiveRefresh.Follow"/> for cases: follow the ticket feed,
/// coalesce bursts into at most one refresh per <see cref="LiveRefresh.DefaultInterval"/>, stop both on dispose.
/// </summary>
public static class TicketLive
{
    /// <summary>Changes of one store that its members may see (never staff notes).</summary>
    public static IDisposable FollowStore(TicketChangeFeed feed, string storeId, Func<TicketChange, bool> relevant, Func<Task> refresh, TimeProvider clock) =>
        Follow(handler => feed.SubscribeStore(storeId, handler), relevant, refresh, clock);

    /// <summary>Every store's changes, staff notes included: platform support's pages only.</summary>
    public static IDisposable FollowEveryStore(TicketChangeFeed feed, Func<TicketChange, bool> relevant, Func<Task> refresh, TimeProvider clock) =>
        Follow(feed.SubscribeEveryStore, relevant, refresh, clock);

    private static IDisposable Follow(Func<Func<TicketChange, Task>, IDisposable> subscribe, Func<TicketChange, bool> relevant, Func<Task> refresh, TimeProvider clock)
    {
        var live = new LiveRefresh(refresh, LiveRefresh.DefaultInterval, clock);
        var subscription = subscribe(change =>
        {
            if (relevant(change)) live.Request();
            return Task.CompletedTask;
        });
        return new Both(subscription, live);
    }

    private sealed class Both(IDisposable subscription, IDisposable live) : IDisposable
    {
        public void Dispose()
        {
            subscription.Dispose();
            live.Dispose();
        }
    }
}
