using Dashboard.E2E.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(E2EFixture))]

namespace Dashboard.E2E.Tests.Infrastructure;

/// <summary>
/// One per test run: the real app (child process, fresh data directory, demo data) and one headless
/// Debian Chromium. Each test gets its own browser context from <see cref="E2ETest"/>.
/// </summary>
public sealed class E2EFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; <c>playwright install</c> cannot download a browser here.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("E2E_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private AppServer? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public AppServer App => _app ?? throw new InvalidOperationException("The app is not started.");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");
    public string BaseUrl => App.BaseUrl;

    /// <summary>The app's own database file, for the facts the pages are checked against.</summary>
    public AppDatabase Database => new(App.DataDirectory);

    public static string ScreenshotsDirectory { get; } = Path.Combine(RepoPaths.Artifacts, "screenshots");
    public static string TracesDirectory { get; } = Path.Combine(RepoPaths.Artifacts, "traces");

    private static readonly System.Diagnostics.Stopwatch RunClock = new();

    /// <summary>One line per test in TestResults/e2e/timings.txt: how long each took, start-up included in the first.</summary>
    public static void RecordTiming(string test, TimeSpan took, bool failed)
    {
        lock (RunClock)
            File.AppendAllText(Path.Combine(RepoPaths.Artifacts, "timings.txt"),
                $"{took.TotalSeconds,6:0.0} s  {(failed ? "FAILED " : "")}{test}\n");
    }

    public async ValueTask InitializeAsync()
    {
        RunClock.Start();
        // Blazor Server on a shared 2-core machine: an expectation waits up to 10 s (Playwright's default is 5).
        Assertions.SetDefaultExpectTimeout(10_000);
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run tests/test.sh (it installs Debian's chromium) or apt-get install chromium.");

        // Artifacts of the last run only.
        foreach (var dir in new[] { ScreenshotsDirectory, TracesDirectory })
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            Directory.CreateDirectory(dir);
        }
        Console.WriteLine($"E2E screenshots: {ScreenshotsDirectory}");
        File.WriteAllText(Path.Combine(RepoPaths.Artifacts, "timings.txt"), "");

        // The app starts (about 10 s: migrations, demo seed) while the browser launches.
        var appStart = AppServer.StartAsync(Path.Combine(RepoPaths.Artifacts, "app.log"));
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run",
                ],
            });
            _app = await appStart;
            RecordTiming("(start-up: app ready, browser launched)", RunClock.Elapsed, failed: false);
        }
        catch
        {
            // xUnit does not dispose a fixture whose initialisation failed: leave no process behind.
            try { await (await appStart).DisposeAsync(); } catch { /* its own failure is the one reported */ }
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) RecordTiming("(whole run)", RunClock.Elapsed, failed: false);
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}
