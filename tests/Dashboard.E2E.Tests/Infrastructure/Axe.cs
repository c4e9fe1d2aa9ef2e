using System.Diagnostics;
using System.Text.Json;

namespace Dashboard.E2E.Tests.Infrastructure;

/// <summary>
/// axe-core (Deque, MPL-2.0) run inside the page against the real app. The pinned version comes from
/// the npm registry on first use (<c>npm install</c> into a tools folder under the system temp
/// directory, like the Azurite tests), so CI needs nothing but npm. It is added to the browser context
/// as an init script: the app's Content-Security-Policy refuses inline scripts, and an init script runs
/// outside it (the page itself stays under the real policy while it is scanned).
/// </summary>
public static class Axe
{
    public const string Version = "4.10.3";

    /// <summary>WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules a WCAG 2.2 AA statement covers.</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly string ToolsDirectory = Path.Combine(Path.GetTempPath(), "dashboard-tools", "axe-core-" + Version);
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static string? _source;

    /// <summary>Makes axe available on every page the context opens from now on.</summary>
    public static async Task AddToAsync(IBrowserContext context) =>
        await context.AddInitScriptAsync(await SourceAsync());

    /// <summary>
    /// Runs axe on the page as it is now and returns its serious and critical violations, one line each
    /// (rule, impact, what it means, the help URL, then every element with what failed).
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string where)
    {
        var result = await page.EvaluateAsync<JsonElement>(
            """
            async tags => {
              const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' ').trim())
              }));
            }
            """, Tags);
        return result.EnumerateArray().Select(v =>
            $"{where}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) {v.GetProperty("help").GetString()} {v.GetProperty("helpUrl").GetString()}\n"
            + string.Join("\n", v.GetProperty("nodes").EnumerateArray().Select(n => "    " + n.GetString()))).ToList();
    }

    private static async Task<string> SourceAsync()
    {
        if (_source is not null) return _source;
        await InstallGate.WaitAsync();
        try
        {
            var file = Path.Combine(ToolsDirectory, "node_modules", "axe-core", "axe.min.js");
            if (!File.Exists(file)) await InstallAsync();
            return _source = await File.ReadAllTextAsync(file);
        }
        finally { InstallGate.Release(); }
    }

    /// <summary>Installs the pinned axe-core with npm; a lock file keeps parallel test runs from racing.</summary>
    private static async Task InstallAsync()
    {
        Directory.CreateDirectory(ToolsDirectory);
        await using var gate = await LockAsync(Path.Combine(ToolsDirectory, ".install.lock"));
        if (File.Exists(Path.Combine(ToolsDirectory, "node_modules", "axe-core", "axe.min.js"))) return;
        var npm = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = ToolsDirectory,
        };
        foreach (var arg in (string[])["install", "--no-audit", "--no-fund", "--loglevel", "error", "--prefix", ToolsDirectory, "axe-core@" + Version])
            npm.ArgumentList.Add(arg);
        using var process = Process.Start(npm) ?? throw new InvalidOperationException("npm is required for the accessibility scan (axe-core)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"npm install axe-core@{Version} failed ({process.ExitCode}): {await stderr}");
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (attempt < 600) { await Task.Delay(500); }
        }
    }
}
