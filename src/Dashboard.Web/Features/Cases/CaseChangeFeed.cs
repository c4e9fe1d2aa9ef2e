using Dashboard.Domain;

namespace Dashboard.Web.Features.Cases;

public enum CaseChangeKind { Opened, Message, StatusOrPriority, Read, Escalated }

/// <summary>A committed change to a case, published after the transaction succeeded.</summary>
public sealed record CaseChange(string StoreId, string CaseId, CaseChangeKind Kind, CaseStatus Status, AuthorKind? By, DateTime At);

/// <summary>
/// The one event path for case changes: services publish after commit; components subscribe per
/// store and dispose the subscription with their lifetime.
/// </summary>
public sealed class CaseChangeFeed(ILogger<CaseChangeFeed> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Func<CaseChange, Task>>> _byStore = new(StringComparer.Ordinal);

    public int SubscriberCount
    {
        get { lock (_gate) return _byStore.Values.Sum(l => l.Count); }
    }

    public IDisposable Subscribe(string storeId, Func<CaseChange, Task> handler)
    {
        lock (_gate)
        {
            if (!_byStore.TryGetValue(storeId, out var list)) _byStore[storeId] = list = [];
            list.Add(handler);
        }
        return new Subscription(this, storeId, handler);
    }

    public void Publish(CaseChange change)
    {
        Func<CaseChange, Task>[] handlers;
        lock (_gate)
            handlers = _byStore.TryGetValue(change.StoreId, out var list) ? [.. list] : [];
        foreach (var handler in handlers)
            _ = InvokeAsync(handler, change);
    }

    private async Task InvokeAsync(Func<CaseChange, Task> handler, CaseChange change)
    {
        try { await handler(change); }
        catch (Exception ex) { logger.LogWarning(ex, "A case change subscriber failed for {CaseId}", change.CaseId); }
    }

    private void Unsubscribe(string storeId, Func<CaseChange, Task> handler)
    {
        lock (_gate)
        {
            if (!_byStore.TryGetValue(storeId, out var list)) return;
            list.Remove(handler);
            if (list.Count == 0) _byStore.Remove(storeId);
        }
    }

    private sealed class Subscription(CaseChangeFeed feed, string storeId, Func<CaseChange, Task> handler) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) feed.Unsubscribe(storeId, handler);
        }
    }
}
