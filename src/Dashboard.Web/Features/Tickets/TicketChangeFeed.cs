using System.Text.Json;
using Dashboard.Web.Features.Live;

namespace Dashboard.Web.Features.Tickets;

/// <summary>
/// Live ticket changes on the same transport as case changes (in process, or Redis pub/sub between
/// instances), on a topic of their own. A store's pages subscribe to their store; platform support's
/// pages subscribe to every store. Staff-note changes reach support's subscribers only.
/// </summary>
public sealed class TicketChangeFeed
{
    public const string Topic = "ticket";
    private readonly ILogger<TicketChangeFeed> _logger;
    private readonly ICaseChangeTransport _transport;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Func<TicketChange, Task>>> _byStore = new(StringComparer.Ordinal);
    private readonly List<Func<TicketChange, Task>> _everyStore = [];

    public TicketChangeFeed(ICaseChangeTransport transport, ILogger<TicketChangeFeed> logger)
    {
        _logger = logger;
        _transport = transport;
        _transport.Received += OnReceived;
    }

    public int SubscriberCount
    {
        get { lock (_gate) return _byStore.Values.Sum(l => l.Count) + _everyStore.Count; }
    }

    /// <summary>Changes of one store's tickets that its members may know of (no staff notes).</summary>
    public IDisposable SubscribeStore(string storeId, Func<TicketChange, Task> handler)
    {
        lock (_gate)
        {
            if (!_byStore.TryGetValue(storeId, out var list)) _byStore[storeId] = list = [];
            list.Add(handler);
        }
        return new Subscription(() =>
        {
            lock (_gate)
            {
                if (!_byStore.TryGetValue(storeId, out var list)) return;
                list.Remove(handler);
                if (list.Count == 0) _byStore.Remove(storeId);
            }
        });
    }

    /// <summary>Every change of every store, staff notes included: for platform support's pages only.</summary>
    public IDisposable SubscribeEveryStore(Func<TicketChange, Task> handler)
    {
        lock (_gate) _everyStore.Add(handler);
        return new Subscription(() => { lock (_gate) _everyStore.Remove(handler); });
    }

    /// <summary>Sends a committed change to every instance's subscribers. Never throws.</summary>
    public void Publish(TicketChange change)
    {
        try { _transport.Send(Topic, JsonSerializer.Serialize(change)); }
        catch (Exception ex) { _logger.LogWarning(ex, "Could not publish the change of ticket {TicketId}", change.TicketId); }
    }

    private void OnReceived(string topic, string payload)
    {
        if (topic != Topic) return;
        TicketChange? change;
        try { change = JsonSerializer.Deserialize<TicketChange>(payload); }
        catch (JsonException ex) { _logger.LogWarning(ex, "Dropped an unreadable ticket change"); return; }
        if (change is null) return;

        Func<TicketChange, Task>[] handlers;
        lock (_gate)
        {
            var store = change.Kind != TicketChangeKind.StaffNote && _byStore.TryGetValue(change.StoreId, out var list) ? list : [];
            handlers = [.. store, .. _everyStore];
        }
        foreach (var handler in handlers) _ = InvokeAsync(handler, change);
    }

    private async Task InvokeAsync(Func<TicketChange, Task> handler, TicketChange change)
    {
        try { await handler(change); }
        catch (Exception ex) { _logger.LogWarning(ex, "A ticket change subscriber failed for {TicketId}", change.TicketId); }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) unsubscribe();
        }
    }
}
