using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps every formatted log line, so a test can wait for the line a
/// component writes at the moment something happened (a signal), instead of sleeping.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _signal = new(0);

    public IReadOnlyList<string> Lines { get { lock (_lines) return [.. _lines]; } }

    public ILoggerFactory Factory(LogLevel minimum = LogLevel.Debug) =>
        LoggerFactory.Create(b => b.AddProvider(this).SetMinimumLevel(minimum));

    /// <summary>Waits until <paramref name="count"/> lines contain <paramref name="text"/>; throws after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(string text, int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var hits = Lines.Where(l => l.Contains(text, StringComparison.Ordinal)).ToList();
            if (hits.Count >= count) return hits;
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"{hits.Count} of {count} log lines with \"{text}\" within {timeout.TotalSeconds:0} s. Log:\n" + string.Join('\n', Lines.TakeLast(30)));
            await _signal.WaitAsync(left);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private void Add(string line)
    {
        lock (_lines) _lines.Add(line);
        _signal.Release();
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add($"{logLevel} {category}: {formatter(state, exception)}");
    }
}
