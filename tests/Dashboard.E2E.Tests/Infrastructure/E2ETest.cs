using System.Text.RegularExpressions;

namespace Dashboard.E2E.Tests.Infrastructure;

/// <summary>
/// Base of every browser test: a fresh browser context (no cookies, own viewport) per test, a trace
/// recorded while it runs and kept only when it fails (with a last screenshot), and numbered PNGs of
/// the steps a test chooses to capture. Every page of the test's contexts is watched for JavaScript
/// errors (uncaught exceptions and console.error); a test that passes with one the allow-list does
/// not name fails at teardown.
/// </summary>
public abstract partial class E2ETest(E2EFixture fixture) : IAsyncLifetime
{
    protected E2EFixture Fixture { get; } = fixture;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    /// <summary>Overridden by phone tests.</summary>
    protected virtual ViewportSize Viewport => new() { Width = 1366, Height = 900 };
    protected virtual bool IsMobile => false;

    private readonly List<string> _browserErrors = [];
    private readonly List<IBrowserContext> _extraContexts = [];

    /// <summary>
    /// Console errors that are the browser's, not the app's, each with the reason it is expected.
    /// Keep this short: anything else a page logs as an error fails the test.
    /// </summary>
    private static readonly (Regex Pattern, string Why)[] AllowedBrowserErrors =
    [
    ];
    private readonly List<Regex> _expectedByThisTest = [];
    private int _shot;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private static string TestName
    {
        get
        {
            var test = TestContext.Current.Test;
            var name = test is null ? "unknown" : $"{TestContext.Current.TestClass?.TestClassSimpleName}.{TestContext.Current.TestMethod?.MethodName}";
            return UnsafeFileChars().Replace(name, "_");
        }
    }

    public virtual async ValueTask InitializeAsync()
    {
        Context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.BaseUrl,
            ViewportSize = Viewport,
            IsMobile = IsMobile,
            HasTouch = IsMobile,
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        // Blazor Server on a busy 2-core machine: generous, but still a failure when something never shows.
        Context.SetDefaultTimeout(15_000);
        Context.SetDefaultNavigationTimeout(30_000);
        await Context.Tracing.StartAsync(new TracingStartOptions { Title = TestName, Screenshots = true, Snapshots = true });
        WatchForErrors(Context, "");
        Page = await Context.NewPageAsync();
    }

    /// <summary>A second browser (its own cookies: another session, another user), watched like the first and closed with the test.</summary>
    protected async Task<IBrowserContext> NewBrowserContextAsync(string name, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = Fixture.BaseUrl;
        options.ViewportSize ??= Viewport;
        options.Locale ??= "en-US";
        options.TimezoneId ??= "UTC";
        var context = await Fixture.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        WatchForErrors(context, name + ": ");
        _extraContexts.Add(context);
        return context;
    }

    private void WatchForErrors(IBrowserContext context, string prefix)
    {
        context.WebError += (_, error) => { lock (_browserErrors) _browserErrors.Add($"{prefix}uncaught: {error.Error}"); };
        context.Console += (_, message) =>
        {
            if (message.Type == "error") lock (_browserErrors) _browserErrors.Add($"{prefix}console.error: {message.Text} ({message.Location})");
        };
    }

    /// <summary>Errors not on the allow-list nor expected by this test.</summary>
    private IReadOnlyList<string> UnexpectedBrowserErrors =>
        BrowserErrors.Where(e => !AllowedBrowserErrors.Any(a => a.Pattern.IsMatch(e)) && !_expectedByThisTest.Any(p => p.IsMatch(e))).ToList();

    /// <summary>
    /// A browser error this test causes on purpose, allowed for this test only: Chromium logs every page
    /// answered 403 or 404 as a failed resource, and a test of the Content-Security-Policy makes it block something.
    /// </summary>
    protected void ExpectBrowserError(string pattern) => _expectedByThisTest.Add(new Regex(pattern));

    /// <summary>The console error Chromium logs for a page at <paramref name="path"/> that answered <paramref name="status"/>.</summary>
    protected void ExpectPageStatus(int status, string path) =>
        ExpectBrowserError($@"^console\.error: Failed to load resource: the server responded with a status of {status} .*\(https?://[^/]+{Regex.Escape(path)}:0:0\)$");

    /// <summary>Saves a full-page PNG named after the test and the step, in run order.</summary>
    protected async Task ScreenshotAsync(string step)
    {
        var file = Path.Combine(E2EFixture.ScreenshotsDirectory, $"{TestName}-{++_shot:00}-{UnsafeFileChars().Replace(step, "_")}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
    }

    /// <summary>JavaScript errors the page reported so far (uncaught errors and console.error).</summary>
    protected IReadOnlyList<string> BrowserErrors
    {
        get { lock (_browserErrors) return [.. _browserErrors]; }
    }

    public virtual async ValueTask DisposeAsync()
    {
        var failed = TestContext.Current.TestState?.Result == TestResult.Failed;
        IReadOnlyList<string> unexpected = failed ? [] : UnexpectedBrowserErrors;
        failed |= unexpected.Count > 0;
        E2EFixture.RecordTiming(TestName, _clock.Elapsed, failed);
        try
        {
            if (failed)
            {
                try
                {
                    await Page.ScreenshotAsync(new PageScreenshotOptions
                    {
                        Path = Path.Combine(E2EFixture.ScreenshotsDirectory, $"{TestName}-FAILED.png"), FullPage = true,
                    });
                }
                catch (PlaywrightException) { /* the page may be gone; the trace still tells */ }
                var trace = Path.Combine(E2EFixture.TracesDirectory, $"{TestName}.zip");
                await Context.Tracing.StopAsync(new TracingStopOptions { Path = trace });
                var output = TestContext.Current.TestOutputHelper;
                output?.WriteLine($"Screenshot: {E2EFixture.ScreenshotsDirectory}/{TestName}-FAILED.png");
                output?.WriteLine($"Trace: {trace} (open with: npx playwright show-trace <zip>)");
                output?.WriteLine($"App log: {Path.Combine(RepoPaths.Artifacts, "app.log")}");
                foreach (var error in BrowserErrors) output?.WriteLine("Browser " + error);
            }
            else
            {
                await Context.Tracing.StopAsync();
            }
        }
        finally
        {
            foreach (var extra in _extraContexts) await extra.CloseAsync();
            await Context.CloseAsync();
            GC.SuppressFinalize(this);
        }
        unexpected.ShouldBeEmpty("JavaScript errors in the browser while the test ran (E2ETest.AllowedBrowserErrors lists the expected ones)");
    }

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex UnsafeFileChars();
}
