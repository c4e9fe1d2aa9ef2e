namespace Dashboard.Web.Features.Cases;

/// <summary>
/// The live part of a page, in one place: follow a store's case changes, coalesce bursts into at
/// most one refresh per <c>interval</c>, and stop both on dispose. A page holds one and disposes it.
/// The first request refreshes at once, a request within the interval is held until the interval has
/// passed, and a request while one is held is dropped, since the held one reads the newest state
/// anyway. The hold is a timer of the injected <see cref="TimeProvider"/>, so tests drive it.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    /// <summary>How often a page refreshes at most while changes stream in.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);

    private readonly Func<Task> _refresh;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private bool _pending;
    private bool _disposed;
    private long? _lastRun;
    private IDisposable? _subscription;

    public LiveRefresh(Func<Task> refresh, TimeSpan interval, TimeProvider clock)
    {
        _refresh = refresh;
        _interval = interval;
        _clock = clock;
        _timer = clock.CreateTimer(_ => Run(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

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
        lock (_gate)
        {
            if (_disposed || _pending) return;
            _pending = true;
            var wait = _lastRun is { } last ? _interval - _clock.GetElapsedTime(last) : TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
            {
                _timer.Change(wait, Timeout.InfiniteTimeSpan);
                return;
            }
        }
        Run();
    }

    private void Run()
    {
        lock (_gate)
        {
            _pending = false;
            if (_disposed) return;
            _lastRun = _clock.GetTimestamp();
        }
        _ = RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        try { await _refresh(); }
        catch (ObjectDisposedException) { /* the component went away mid-refresh */ }
    }

    public void Dispose()
    {
        lock (_gate) _disposed = true;
        _timer.Dispose();
        _subscription?.Dispose();
    }
}
