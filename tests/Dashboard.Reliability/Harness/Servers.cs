using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dashboard.Reliability.Harness;

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

/// <summary>A helper server process (redis-server, aiosmtpd) on 127.0.0.1 and a fixed port, stoppable and restartable.</summary>
public sealed class ServerProcess(string file, IReadOnlyList<string> arguments, int port) : IAsyncDisposable
{
    private Process? _process;
    public int Port { get; } = port;
    public bool Running => _process is { HasExited: false };

    public static ServerProcess Redis()
    {
        var port = FreePort.Next();
        return new ServerProcess(File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server",
            ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], port);
    }

    /// <summary>Debian's python3-aiosmtpd writing each accepted message into a maildir.</summary>
    public static ServerProcess Smtp(string maildir)
    {
        var port = FreePort.Next();
        return new ServerProcess(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir], port);
    }

    public async Task StartAsync()
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        _process = Process.Start(psi) ?? throw new InvalidOperationException(file + " did not start");
        var started = _process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { if (!started.HasExited) started.Kill(); } catch (InvalidOperationException) { } };
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await FreePort.WaitOpenAsync(Port, TimeSpan.FromSeconds(20));
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
