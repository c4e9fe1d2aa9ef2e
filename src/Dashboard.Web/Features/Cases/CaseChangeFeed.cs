using System.Text.Json;
using Dashboard.Domain;
using Dashboard.Web.Features.Live;

namespace Dashboard.Web.Features.Cases;

/// <summary>
/// What happened; <see cref="Resync"/> is no single change but "changes may have been missed: read again".
/// <see cref="Note"/> and <see cref="Assigned"/> are the team's own entries: no status, counter or last-message change.
/// <see cref="Licences"/>: the order's licence keys changed (a replacement or revocation from the rail).
/// </summary>
public enum CaseChangeKind { Opened, Message, StatusOrPriority, Read, Escalated, Resync, Licences, Note, Assigned }

/// <summary>A committed change to a case, published after the transaction succeeded.</summary>
public sealed record CaseChange(string StoreId, string CaseId, CaseChangeKind Kind, CaseStatus Status, AuthorKind? By, DateTime At)
{
    /// <summary>Whether a view of case <paramref name="caseId"/> should reload: its own change, or a resync of its store.</summary>
    public bool Concerns(string? caseId) => Kind == CaseChangeKind.Resync || CaseId == caseId;
}

/// <summary>
/// The one event path for case changes: services publish after commit; components subscribe per
/// store and dispose the subscription with their lifetime. A change travels through
/// <see cref="ICaseChangeTransport"/> (in process, or Redis pub/sub across app instances) and is
/// delivered to this instance's subscribers of its store.
/// </summary>
public sealed class CaseChangeFeed
{
    public const string Topic = "case";
    private readonly ILogger<CaseChangeFeed> logger;
    private readonly ICaseChangeTransport _transport;

    public CaseChangeFeed(ILogger<CaseChangeFeed> logger, ICaseChangeTransport transport)
    {
        this.logger = logger;
        _transport = transport;
        _transport.Received += OnReceived;
        _transport.Reconnected += OnReconnected;
    }

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Func<CaseChange, Task>>> _byStore = new(StringComparer.Ordinal);

    public int SubscriberCount
    {
        get { lock (_gate) return _byStore.Values.Sum(l => l.Count); }
    }

    /// <summary>Subscribe under this key to hear every store's changes (platform support's console).</summary>
    public const string AllStores = "*";

    public IDisposable Subscribe(string storeId, Func<CaseChange, Task> handler)
    {
        lock (_gate)
        {
            if (!_byStore.TryGetValue(storeId, out var list)) _byStore[storeId] = list = [];
            list.Add(handler);
        }
        return new Subscription(this, storeId, handler);
    }

    /// <summary>Sends a committed change to every instance's subscribers of its store. Never throws.</summary>
    public void Publish(CaseChange change)
    {
        try { _transport.Send(Topic, JsonSerializer.Serialize(change)); }
        catch (Exception ex) { logger.LogWarning(ex, "Could not publish the change of {CaseId}", change.CaseId); }
    }

    private void OnReceived(string topic, string payload)
    {
        if (topic != Topic) return;
        CaseChange? change;
        try { change = JsonSerializer.Deserialize<CaseChange>(payload); }
        catch (JsonException ex) { logger.LogWarning(ex, "Dropped an unreadable case change"); return; }
        if (change is not null) Deliver(change);
    }

    /// <summary>After a broken link to the other instances, every subscribed store's views reload (what was sent meanwhile is lost).</summary>
    private void OnReconnected(DateTime at)
    {
        string[] stores;
        lock (_gate) stores = [.. _byStore.Keys];
        foreach (var store in stores) Deliver(new CaseChange(store, "", CaseChangeKind.Resync, default, null, at));
    }

    private void Deliver(CaseChange change)
    {
        Func<CaseChange, Task>[] handlers;
        lock (_gate)
            handlers = [.. _byStore.GetValueOrDefault(change.StoreId) ?? [],
                .. change.StoreId == AllStores ? [] : _byStore.GetValueOrDefault(AllStores) ?? []];
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
