using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dashboard.Web.Tests.Attachments;

/// <summary>
/// A real Azure Blob Storage emulator for the tests: Azurite from npm, installed on first use into a
/// tools folder under the system temp directory, started on a free port on 127.0.0.1 with its data in a
/// fresh folder, and stopped (with that folder deleted) on dispose.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly string ToolsDirectory = Path.Combine(Path.GetTempPath(), "dashboard-tools", "azurite");
    private readonly string _location = Path.Combine(Path.GetTempPath(), "dashboard-tests", "azurite-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public int Port { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public async ValueTask InitializeAsync()
    {
        var executable = await EnsureInstalledAsync();
        Port = FreePort();
        Directory.CreateDirectory(_location);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in (string[])["--blobHost", "127.0.0.1", "--blobPort", Port.ToString(), "--location", _location, "--skipApiVersionCheck", "--loose", "--silent"])
            start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Node starts slowly on a busy machine (a parallel build, the rest of the suite): wait as long as the
        // process lives, up to a generous limit, rather than failing every blob test after a short one.
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Installs Azurite with npm when it is missing; a lock file keeps parallel test runs from racing.</summary>
    private static async Task<string> EnsureInstalledAsync()
    {
        var executable = Path.Combine(ToolsDirectory, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob");
        if (File.Exists(executable)) return executable;
        Directory.CreateDirectory(ToolsDirectory);
        await using var gate = await LockAsync(Path.Combine(ToolsDirectory, ".install.lock"));
        if (File.Exists(executable)) return executable;

        var npm = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = ToolsDirectory,
        };
        foreach (var arg in (string[])["install", "--no-audit", "--no-fund", "--loglevel", "error", "--prefix", ToolsDirectory, "azurite@3"])
            npm.ArgumentList.Add(arg);
        using var process = Process.Start(npm) ?? throw new InvalidOperationException("npm is required for the Azure Blob storage tests");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0 || !File.Exists(executable))
            throw new InvalidOperationException($"npm install azurite failed ({process.ExitCode}): {await stderr}");
        return executable;
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose); }
            catch (IOException) when (attempt < 600) { await Task.Delay(500); }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(_location, recursive: true); } catch (IOException) { }
    }
}
