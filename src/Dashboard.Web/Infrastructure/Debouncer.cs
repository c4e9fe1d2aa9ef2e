namespace Dashboard.Web.Infrastructure;

/// <summary>
/// Runs an action once input pauses for <paramref name="delay"/> (a search box: search when typing stops);
/// newer input, <see cref="Cancel"/> or disposal drops the pending run. The pause is measured on
/// <paramref name="clock"/>, so tests drive it instead of waiting.
/// </summary>
public sealed class Debouncer(TimeSpan delay, TimeProvider clock) : IDisposable
{
    private CancellationTokenSource? _pending;

    /// <summary>Schedules <paramref name="action"/> after the pause, replacing any run still waiting.</summary>
    public void Schedule(Action action)
    {
        Cancel();
        var cts = _pending = new CancellationTokenSource();
        _ = Task.Delay(delay, clock, cts.Token).ContinueWith(t =>
        {
            if (!t.IsCanceled) action();
        }, TaskScheduler.Default);
    }

    public void Cancel()
    {
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = null;
    }

    public void Dispose() => Cancel();
}
