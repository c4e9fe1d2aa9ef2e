namespace Dashboard.Web.Features.Cases;

/// <summary>
/// The live part of a page, in one place: follow a store's case changes, coalesce bursts into at
/// most one refresh per <c>interval</c> (a request while one is pending is dropped, since the pending
/// one reads the newest state anyway), and stop both on dispose. A page holds one and disposes it.
/// </summary>
public sealed class LiveRefresh(Func<Task> refresh, TimeSpan interval, TimeProvider clock) : IDisposable
{
    /// <summary>How often a page refreshes at most while changes stream in.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);

    private int _pending;
    private int _disposed;
    private long _lastRun = long.MinValue;
    private IDisposable? _subscription;

    /// <summary>
    /// Refreshes (on the component's dispatcher: pass <c>() =&gt; InvokeAsync(…)</c>) whenever a change of
    /// <paramref name="storeId"/> that <paramref name="relevant"/> accepts arrives.
    /// </summary>
    public static LiveRefresh Follow(CaseChangeFeed feed, string storeId, Func<CaseChange, bool> relevant, Func<Task> refresh, TimeProvider clock)
    {
        var live = new LiveRefresh(refresh, DefaultInterval, clock);
        live._subscription = feed.Subscribe(storeId, change =>
        {
            if (relevant(change)) live.Request();
            return Task.CompletedTask;
        });
        return live;
    }

    public void Request()
    {
        if (Volatile.Read(ref _disposed) == 1 || Interlocked.Exchange(ref _pending, 1) == 1) return;
        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        var last = Interlocked.Read(ref _lastRun);
        var wait = last == long.MinValue ? TimeSpan.Zero : interval - clock.GetElapsedTime(last);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock);
        Volatile.Write(ref _pending, 0);
        if (Volatile.Read(ref _disposed) == 1) return;
        Interlocked.Exchange(ref _lastRun, clock.GetTimestamp());
        try { await refresh(); }
        catch (ObjectDisposedException) { /* the component went away mid-refresh */ }
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, 1);
        _subscription?.Dispose();
    }
}
