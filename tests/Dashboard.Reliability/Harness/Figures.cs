using System.Diagnostics;

namespace Dashboard.Reliability.Harness;

public static class Figures
{
    /// <summary>The nearest-rank percentile of <paramref name="sorted"/> (ascending).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The machine's load as <c>uptime</c> prints it: every figure is reported with it (the machine may be shared).</summary>
    public static string Load()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("uptime") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var text = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            var at = text.IndexOf("load average", StringComparison.Ordinal);
            return at >= 0 ? text[at..] : text;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "load average: unknown";
        }
    }
}

/// <summary>What a scenario found: "held" or "lost N", with the figures behind it.</summary>
public sealed record Outcome(string Scenario, int Lost, string Summary)
{
    public string Verdict => Lost == 0 ? "held" : $"lost {Lost}";
}
