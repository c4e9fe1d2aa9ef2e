using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Dashboard.Web.Tests.Live;

public static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static async Task WaitOpenAsync(int port, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(50);
            }
        }
    }
}

/// <summary>A real <c>redis-server</c> (Debian package) on a free port bound to 127.0.0.1, no persistence.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;
    public int Port { get; } = FreePort.Next();
    public string Connection => $"127.0.0.1:{Port}";

    /// <summary>A port reserved for a server that is not started yet (<see cref="StartProcessAsync"/> later).</summary>
    public static RedisServer NotStarted() => new();

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer();
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>(Re)starts the server on the same port (after <see cref="Stop"/>: a Redis blip).</summary>
    public async Task StartProcessAsync()
    {
        var exe = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";
        var psi = new ProcessStartInfo(exe)
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes" },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("redis-server did not start");
        var started = _process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { if (!started.HasExited) started.Kill(); } catch (InvalidOperationException) { } };
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await FreePort.WaitOpenAsync(Port, TimeSpan.FromSeconds(10));
    }

    public void Stop()
    {
        if (_process is null) return;
        try { _process.Kill(entireProcessTree: true); _process.WaitForExit(5000); } catch (InvalidOperationException) { }
        _process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A real SMTP server: Debian's python3-aiosmtpd writing every accepted message to a maildir, through
/// the tests' handler (test_smtp_handler.py), which reports each acceptance on stdout and can hold one
/// message unanswered (<see cref="StartAsync"/>'s holdAt) so a test knows the exact moment a sender
/// is mid-send.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private Process? _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _signal = new(0);
    public int Port { get; } = FreePort.Next();
    public string Maildir { get; } = Path.Combine(Path.GetTempPath(), "dashboard-tests", "maildir-" + Guid.NewGuid().ToString("N"));

    /// <param name="holdAt">1-based number of the message to hold forever (never stored, never answered); 0 holds none.</param>
    public static async Task<SmtpServer> StartAsync(int holdAt = 0)
    {
        var server = new SmtpServer();
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var psi = new ProcessStartInfo(python)
        {
            ArgumentList = { "-u", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{server.Port}", "-c", "test_smtp_handler.TestMailbox", server.Maildir, holdAt.ToString() },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["PYTHONPATH"] = AppContext.BaseDirectory; // test_smtp_handler.py is copied next to the tests
        server._process = Process.Start(psi) ?? throw new InvalidOperationException("aiosmtpd did not start");
        var started = server._process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { if (!started.HasExited) started.Kill(); } catch (InvalidOperationException) { } };
        server._process.OutputDataReceived += (_, e) => server.Add(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Add(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await FreePort.WaitOpenAsync(server.Port, TimeSpan.FromSeconds(15));
        return server;
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
        _signal.Release();
    }

    /// <summary>Waits until the server printed <paramref name="count"/> lines starting with <paramref name="prefix"/>
    /// ("ACCEPTED", "HOLDING"); returns their rest (the Message-IDs). Throws after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<string>> WaitForLinesAsync(string prefix, int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            List<string> hits;
            lock (_lines) hits = _lines.Where(l => l.StartsWith(prefix + " ", StringComparison.Ordinal)).Select(l => l[(prefix.Length + 1)..]).ToList();
            if (hits.Count >= count) return hits;
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _process!.HasExited)
                throw new TimeoutException($"The SMTP server printed {hits.Count} of {count} \"{prefix}\" lines. Output:\n" + string.Join('\n', Output));
            await _signal.WaitAsync(left);
        }
    }

    public IReadOnlyList<string> Output { get { lock (_lines) return [.. _lines]; } }

    /// <summary>Every message the server accepted, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var dir = Path.Combine(Maildir, "new");
        if (!Directory.Exists(dir)) return [];
        return Directory.GetFiles(dir).OrderBy(f => File.GetLastWriteTimeUtc(f)).Select(f => MimeMessage.Load(f)).ToList();
    }

    /// <summary>The messages once <paramref name="count"/> were accepted (the server says so before it answers 250).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan timeout)
    {
        await WaitForLinesAsync("ACCEPTED", count, timeout);
        return Messages();
    }

    public ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            try { _process.Kill(entireProcessTree: true); _process.WaitForExit(5000); } catch (InvalidOperationException) { }
            _process.Dispose();
        }
        try { Directory.Delete(Maildir, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A real app host on a shared data directory (one SQLite file for several instances), with
/// optional Redis and SMTP settings. Demo data off: the test creates what it needs.
/// </summary>
public sealed class LiveAppHost(string dataDirectory, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Dashboard:DataDirectory", dataDirectory);
        builder.UseSetting("DemoData:Enabled", "false");
        builder.UseSetting("Outbox:Enabled", "false");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public CaseChangeFeed Feed => Services.GetRequiredService<CaseChangeFeed>();
    public CaseService Cases => Services.GetRequiredService<CaseService>();
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<bool> WaitRedisAsync() =>
        Services.GetRequiredService<ICaseChangeTransport>() is RedisCaseChangeTransport redis
        && await redis.WaitConnectedAsync(TimeSpan.FromSeconds(15));
}

/// <summary>Collects what a feed delivers, and waits for a matching change.</summary>
public sealed class FeedRecorder : IDisposable
{
    private readonly IDisposable _subscription;
    private readonly List<CaseChange> _seen = [];
    private readonly SemaphoreSlim _signal = new(0);

    public FeedRecorder(CaseChangeFeed feed, string storeId)
    {
        _subscription = feed.Subscribe(storeId, change =>
        {
            lock (_seen) _seen.Add(change);
            _signal.Release();
            return Task.CompletedTask;
        });
    }

    public IReadOnlyList<CaseChange> Seen { get { lock (_seen) return [.. _seen]; } }

    public async Task<CaseChange?> WaitForAsync(Func<CaseChange, bool> match, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_seen) if (_seen.FirstOrDefault(match) is { } hit) return hit;
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return null;
            await _signal.WaitAsync(left);
        }
    }

    public void Dispose() => _subscription.Dispose();
}

/// <summary>
/// Two real app instances on one SQLite file with a real redis-server between them, both connected
/// before a test starts; disposed in the order that never leaves a server behind.
/// </summary>
public sealed class TwoInstancesOnRedis : IAsyncDisposable
{
    public required TestDatabase Db { get; init; }
    public required RedisServer Redis { get; init; }
    public required LiveAppHost A { get; init; }
    public required LiveAppHost B { get; init; }

    public static async Task<TwoInstancesOnRedis> StartAsync()
    {
        var db = await TestDatabase.CreateAsync();
        var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Redis:Connection"] = redis.Connection };
        var live = new TwoInstancesOnRedis
        {
            Db = db, Redis = redis, A = new LiveAppHost(db.Directory, settings), B = new LiveAppHost(db.Directory, settings),
        };
        try
        {
            (await live.A.WaitRedisAsync()).ShouldBeTrue("instance A connects to Redis");
            (await live.B.WaitRedisAsync()).ShouldBeTrue("instance B connects to Redis");
            return live;
        }
        catch
        {
            await live.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
        }
        finally
        {
            await Redis.DisposeAsync(); // never leave a server behind, even if a host fails to stop
            await Db.DisposeAsync();
        }
    }
}
