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

/// <summary>A real SMTP server: Debian's python3-aiosmtpd writing every accepted message to a maildir.</summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private Process? _process;
    public int Port { get; } = FreePort.Next();
    public string Maildir { get; } = Path.Combine(Path.GetTempPath(), "dashboard-tests", "maildir-" + Guid.NewGuid().ToString("N"));

    public static async Task<SmtpServer> StartAsync()
    {
        var server = new SmtpServer();
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var psi = new ProcessStartInfo(python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{server.Port}", "-c", "aiosmtpd.handlers.Mailbox", server.Maildir },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        server._process = Process.Start(psi) ?? throw new InvalidOperationException("aiosmtpd did not start");
        var started = server._process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { if (!started.HasExited) started.Kill(); } catch (InvalidOperationException) { } };
        server._process.OutputDataReceived += (_, _) => { };
        server._process.ErrorDataReceived += (_, _) => { };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await FreePort.WaitOpenAsync(server.Port, TimeSpan.FromSeconds(15));
        return server;
    }

    /// <summary>Every message the server accepted, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var dir = Path.Combine(Maildir, "new");
        if (!Directory.Exists(dir)) return [];
        return Directory.GetFiles(dir).OrderBy(f => File.GetLastWriteTimeUtc(f)).Select(f => MimeMessage.Load(f)).ToList();
    }

    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count || DateTime.UtcNow > until) return messages;
            await Task.Delay(100);
        }
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
