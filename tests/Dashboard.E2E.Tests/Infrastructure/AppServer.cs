using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.E2E.Tests.Infrastructure;

/// <summary>
/// The real Dashboard.Web, started as a child process exactly as a developer would run the built app:
/// <c>dotnet Dashboard.Web.dll --urls http://127.0.0.1:PORT</c> in Development (demo data seeded on
/// first start) on a fresh data directory. Killed with its process tree, and the directory deleted, on dispose.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    /// <summary>The payment webhook's shared secret the app is started with (tests sign events with it).</summary>
    public const string PaymentEventsSecret = "whsec_e2e_payment_events_7f3a9c";

    // The app answers once it has migrated and seeded: about 10 s on an idle machine, minutes on one
    // shared with many builds (seen: 48 s at load 28, 162 s at load 45 on 2 cores). So the wait
    // follows the app, not the clock: it goes on while the process is alive and using CPU, and fails
    // when the process exits, when it has used no CPU for StalledAfter (hung), or after StartupLimit.
    private static readonly TimeSpan StalledAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("E2E_STARTUP_TIMEOUT_SECONDS"), out var s) && s > 0 ? s : 600);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private StreamWriter? _log;

    public string BaseUrl { get; }
    public string DataDirectory { get; }

    private AppServer(Process process, string baseUrl, string dataDirectory, StreamWriter? log)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
        _log = log;
    }

    /// <summary>Everything the app printed so far (stdout and stderr, interleaved).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<AppServer> StartAsync(string? logFile = null)
    {
        var dll = Path.Combine(RepoPaths.WebBin, "Dashboard.Web.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} does not exist: build the solution ({RepoPaths.Configuration}) first.");

        // A port picked free can be taken before the app binds it; try again on a new one.
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(dll, FreePort(), logFile);
            try
            {
                await server.WaitUntilReadyAsync();
                await server.WarmUpAsync();
                return server;
            }
            catch (Exception) when (attempt < 3 && server._process.HasExited && server.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    private static AppServer Launch(string dll, int port, string? logFile)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        var dataDirectory = Path.Combine(Path.GetTempPath(), "dashboard-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = RepoPaths.WebBin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Dashboard__DataDirectory"] = dataDirectory;
        start.Environment["PaymentEvents__WebhookSecret"] = PaymentEventsSecret;
        // Many browser tests sign the same demo customer in to the portal against this one app, all from 127.0.0.1;
        // the limits themselves (3 per email, 10 per address in 15 minutes) are tested in PortalSignInTests.
        start.Environment["Portal__SignIn__RequestsPerEmail"] = "1000";
        start.Environment["Portal__SignIn__RequestsPerIp"] = "10000";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        start.Environment["DOTNET_NOLOGO"] = "1";

        StreamWriter? log = null;
        if (logFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
            log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new AppServer(process, baseUrl, dataDirectory, log);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            _log?.WriteLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        HttpStatusCode? last = null;
        string? lastError = null;
        await WhileTheAppWorksAsync("answer 200 on /account/login", async ct =>
        {
            while (true)
            {
                if (_process.HasExited)
                    throw new InvalidOperationException($"Dashboard.Web exited with code {_process.ExitCode} before answering.\n--- app output ---\n{Output}");
                try
                {
                    using var response = await http.GetAsync(BaseUrl + "/account/login", ct);
                    if (response.StatusCode == HttpStatusCode.OK) return;
                    last = response.StatusCode;
                }
                catch (HttpRequestException e)
                {
                    lastError = e.Message;
                }
                await Task.Delay(250, ct);
            }
        }, () => $"last status: {last?.ToString() ?? "none"}, last error: {lastError ?? "none"}");
    }

    /// <summary>
    /// Ready for tests means able to sign someone in, not only to show the form: the first sign-in
    /// after a start runs code nothing ran yet (password hashing, the cookie, the case list's
    /// queries), which on a loaded machine took longer than a test's 15 s step. It happens here, under
    /// the start-up wait, once: the demo owner signs in over plain HTTP and opens the case list.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(BaseUrl), Timeout = Timeout.InfiniteTimeSpan,
        };
        await WhileTheAppWorksAsync("sign the demo owner in and show the case list", async ct =>
        {
            var form = await http.GetStringAsync("/account/login", ct);
            var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            using var signIn = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = DemoLogins.NorthwindOwner, ["Input.Password"] = DemoLogins.Password,
                ["__RequestVerificationToken"] = antiforgery, ["_handler"] = "login",
            }), ct);
            if (signIn.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"The warm-up sign-in answered {(int)signIn.StatusCode}, not a redirect.\n--- app output ---\n{Output}");
            using var cases = await http.GetAsync("/cases", ct);
            if (cases.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"/cases answered {(int)cases.StatusCode} after the warm-up sign-in.\n--- app output ---\n{Output}");
        }, () => "");
    }

    /// <summary>
    /// Runs <paramref name="step"/> for as long as the app process is alive and using CPU: cancels it and
    /// throws when the process used no CPU for <see cref="StalledAfter"/> or <see cref="StartupLimit"/> passed.
    /// </summary>
    private async Task WhileTheAppWorksAsync(string what, Func<CancellationToken, Task> step, Func<string> detail)
    {
        using var watchdog = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var running = step(watchdog.Token);
        var cpu = CpuTime();
        var lastProgress = clock.Elapsed;
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(1000));
            var used = CpuTime();
            if (used > cpu) (cpu, lastProgress) = (used, clock.Elapsed);
            var stalled = clock.Elapsed - lastProgress > StalledAfter;
            if (!running.IsCompleted && (stalled || clock.Elapsed > StartupLimit))
            {
                await watchdog.CancelAsync();
                try { await running; } catch (OperationCanceledException) { }
                throw new TimeoutException(
                    $"Dashboard.Web did not {what}: " +
                    (stalled ? $"it used no CPU for {StalledAfter.TotalSeconds:0} s" : $"not within {StartupLimit.TotalSeconds:0} s") +
                    $" (CPU used {cpu.TotalSeconds:0.0} s; {detail()}).\n--- app output ---\n{Output}");
            }
        }
        await running;
    }

    private TimeSpan CpuTime()
    {
        try { return _process.TotalProcessorTime; }
        catch (InvalidOperationException) { return TimeSpan.Zero; } // exited between the checks
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException) { }
        _process.Dispose();
        lock (_output)
        {
            _log?.Dispose();
            _log = null;
        }

        // SQLite may hold the file a moment after the kill; a leftover temp dir is not worth failing for.
        for (var i = 0; i < 5 && Directory.Exists(DataDirectory); i++)
        {
            try { Directory.Delete(DataDirectory, recursive: true); }
            catch (IOException) { await Task.Delay(200); }
            catch (UnauthorizedAccessException) { await Task.Delay(200); }
        }
    }
}
