using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Dashboard.Pages.Benchmarks;

/// <summary>
/// Dashboard.Web as published (<c>dotnet publish -c Release</c>: precompressed static assets, no
/// development static-asset paths) run as a child process in Production, on a generated database, with the benchmark's <see cref="StartupHook"/> loaded so its memory can be read. Its CPU
/// time is read from /proc/&lt;pid&gt;/stat (utime + stime), its working set from /proc/&lt;pid&gt;/status.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly int _probePort;
    private readonly StreamWriter _log;

    public string BaseUrl { get; }
    public int Port { get; }
    public string DataDirectory { get; }
    public int Pid => _process.Id;

    private AppProcess(Process process, int port, int probePort, string dataDirectory, StreamWriter log)
    {
        _process = process;
        Port = port;
        _probePort = probePort;
        DataDirectory = dataDirectory;
        _log = log;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    /// <summary>Publishes Dashboard.Web (Release) into <paramref name="directory"/>; incremental, so quick when nothing changed.</summary>
    public static async Task PublishAsync(string directory)
    {
        var publish = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, UseShellExecute = false };
        foreach (var a in new[] { "publish", Path.Combine("src", "Dashboard.Web"), "-c", "Release", "-o", directory, "--nologo", "-v", "q" }) publish.ArgumentList.Add(a);
        using var process = Process.Start(publish)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode})");
    }

    public static async Task<AppProcess> StartAsync(string appDirectory, string databasePath, string logFile)
    {
        var dll = Path.Combine(appDirectory, "Dashboard.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} missing: publish Dashboard.Web there first.");
        var port = FreePort();
        var probePort = FreePort();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "dashboard-pages-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = appDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Dashboard__DataDirectory"] = dataDirectory;
        start.Environment["Database__ConnectionString"] = $"Data Source={databasePath};Cache=Private;Pooling=True;Default Timeout=30";
        start.Environment["DemoData__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_STARTUP_HOOKS"] = Assembly.GetExecutingAssembly().Location;
        start.Environment["BENCH_PROBE_PORT"] = probePort.ToString();
        start.Environment.Remove("ASPNETCORE_URLS");

        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, port, probePort, dataDirectory, log);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(10)) // a 1M database on a busy machine opens slowly
        {
            if (process.HasExited) throw new InvalidOperationException($"Dashboard.Web exited ({process.ExitCode}); see {logFile}");
            try
            {
                if ((await http.GetAsync(app.BaseUrl + "/account/login")).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        await app.DisposeAsync();
        throw new TimeoutException($"Dashboard.Web did not answer; see {logFile}");
    }

    /// <summary>CPU time of the whole process so far (every thread), in milliseconds.</summary>
    public double CpuMs()
    {
        // utime + stime of the whole process (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of
        // 10 ms): unlike a sum over /proc/<pid>/task, it keeps the time of threads that have ended
        // (thread-pool workers retire while a run is measured, which made that sum go down).
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) * 10.0;
    }

    /// <summary>Resident set size (VmRSS) from /proc.</summary>
    public long WorkingSetBytes()
    {
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmRSS:"));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    /// <summary>Asks the in-process probe; with <paramref name="collect"/> after full compacting collections.</summary>
    public async Task<ProbeReading> ProbeAsync(bool collect)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _probePort);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes((collect ? "gc" : "stats") + "\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return JsonSerializer.Deserialize<ProbeReading>(await reader.ReadLineAsync() ?? "")!;
    }

    public static int FreePort()
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
        lock (_log) _log.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Where the repository and the built app are.</summary>
public static class RepoPaths
{
    public static readonly string Root = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository");
    }
}
