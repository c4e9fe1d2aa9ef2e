namespace Dashboard.Web.Features.Cases;

/// <summary>
/// Coalesces bursts of change events into at most one refresh per <c>interval</c>: the first request
/// refreshes at once, a request within the interval is held until the interval has passed, and a
/// request while one is held is dropped, since the held one will read the newest state anyway.
/// Time comes from <see cref="TimeProvider"/> (a timer, not a sleeping task), so tests drive it.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    private readonly Func<Task> _refresh;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private bool _pending;
    private bool _disposed;
    private long? _lastRun;

    public LiveRefresh(Func<Task> refresh, TimeSpan interval, TimeProvider clock)
    {
        _refresh = refresh;
        _interval = interval;
        _clock = clock;
        _timer = clock.CreateTimer(_ => Run(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
    }
}
