namespace Dashboard.Web.Features.Cases;

/// <summary>
/// Coalesces bursts of change events into at most one refresh per <c>interval</c>: a request while
/// a refresh is pending is dropped, since the pending one will read the newest state anyway.
/// </summary>
public sealed class LiveRefresh(Func<Task> refresh, TimeSpan interval) : IDisposable
{
    private int _pending;
    private int _disposed;
    private long _lastRunTicks;

    public void Request()
    {
        if (Volatile.Read(ref _disposed) == 1 || Interlocked.Exchange(ref _pending, 1) == 1) return;
        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        var wait = TimeSpan.FromTicks(Interlocked.Read(ref _lastRunTicks)) + interval - TimeSpan.FromTicks(Environment.TickCount64 * TimeSpan.TicksPerMillisecond);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        Volatile.Write(ref _pending, 0);
        if (Volatile.Read(ref _disposed) == 1) return;
        Interlocked.Exchange(ref _lastRunTicks, Environment.TickCount64 * TimeSpan.TicksPerMillisecond);
        try { await refresh(); }
        catch (ObjectDisposedException) { /* the component went away mid-refresh */ }
    }

    public void Dispose() => Volatile.Write(ref _disposed, 1);
}
