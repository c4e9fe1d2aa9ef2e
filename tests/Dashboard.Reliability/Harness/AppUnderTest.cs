using System.Diagnostics;

namespace Dashboard.Reliability.Harness;

/// <summary>
/// The product's own host (Dashboard.Web.dll, copied beside this program) as a child process on
/// 127.0.0.1 and a port of its choosing, its console output kept so scenarios can wait on what it logs.
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _signal = new(0);

    private AppUnderTest(Process process, string name)
    {
        _process = process;
        Name = name;
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }
    public Uri BaseAddress { get; private set; } = null!;
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>Starts the app on <paramref name="dataDirectory"/> with <paramref name="settings"/> (configuration keys) and waits until it listens.</summary>
    public static async Task<AppUnderTest> StartAsync(string name, string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dir = AppContext.BaseDirectory;
        var psi = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(dir, "Dashboard.Web.dll") },
            WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Dashboard__DataDirectory"] = dataDirectory,
            ["DemoData__Enabled"] = "false",
            ["StoreApi__RateLimitPerMinute"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key.Replace(":", "__")] = value;
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        var app = new AppUnderTest(Process.Start(psi) ?? throw new InvalidOperationException("the app did not start"), name);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => app.Kill();
        const string marker = "Now listening on: ";
        await app.WaitForLineAsync(l => l.Contains(marker, StringComparison.Ordinal), 1, TimeSpan.FromMinutes(3));
        var line = app.Lines.First(l => l.Contains(marker, StringComparison.Ordinal));
        app.BaseAddress = new Uri(line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim());
        await app.WaitUntilServingAsync(TimeSpan.FromMinutes(3));
        return app;
    }

    /// <summary>
    /// Listening is not serving: on a loaded machine the first request of a cold process has taken over
    /// 10 s (JIT, EF model). Ready means the sign-in page has been served once (no token, no data touched).
    /// </summary>
    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout };
        using var response = await http.GetAsync("/account/login");
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{Name} answered its sign-in page with {(int)response.StatusCode}");
    }

    public IReadOnlyList<string> Lines { get { lock (_lines) return [.. _lines]; } }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
        _signal.Release();
    }

    /// <summary>Waits until <paramref name="occurrence"/> lines match (a signal from the app itself, not a timer).</summary>
    public async Task WaitForLineAsync(Func<string, bool> match, int occurrence, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_lines) if (_lines.Count(match) >= occurrence) return;
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _process.HasExited)
                throw new TimeoutException($"{Name} did not log the expected line. Last output:\n" + string.Join('\n', Lines.TakeLast(30)));
            await _signal.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
    }

    public int Count(Func<string, bool> match) { lock (_lines) return _lines.Count(match); }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill.</summary>
    public void Kill()
    {
        try
        {
            if (_process.HasExited) return;
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException) { }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
