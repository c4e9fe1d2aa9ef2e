using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Dashboard.Benchmarks;

/// <summary>One table: a row per measure, p50/p95 per size, growth from the smallest to the largest size, and the budget.</summary>
public static class Report
{
    private static string? Budget(string name, SizeResult largest, out bool? met)
    {
        met = null;
        var m = largest[name];
        if (m is null) return null;
        if (name.StartsWith("list:") && name.EndsWith("page 1"))
        {
            var ratio = m.P50 / largest.RawListP50;
            met = m.P95 <= 5 && ratio <= 2;
            return $"p95 ≤ 5 ms, ≤ 2× raw (now {ratio:N1}×)";
        }
        if (name == "list: All, page 500" && largest["list: All, page 1"] is { } first)
        {
            var ratio = m.P50 / first.P50;
            met = ratio <= 3;
            return $"≤ 3× page 1 (now {ratio:N1}×)";
        }
        (double limit, bool? ok) Check(double l) => (l, m.P95 <= l);
        var (limit, ok) = name switch
        {
            "tab counts (all five)" => Check(2),
            _ when name.StartsWith("search") => Check(25),
            "case + order + 200 messages" => Check(10),
            "reply (write path)" => Check(10),
            _ => (0, null),
        };
        met = ok;
        return ok is null ? "" : $"p95 ≤ {limit:0} ms";
    }

    public static string Table(IReadOnlyList<SizeResult> results)
    {
        var sb = new StringBuilder();
        sb.Append("| Measure (largest store) |");
        foreach (var r in results) sb.Append($" {Short(r.Cases)} p50 | {Short(r.Cases)} p95 | {Short(r.Cases)} cpu |");
        sb.AppendLine(" growth p50 | budget (at largest size) | met |");
        sb.Append("|---|");
        foreach (var _ in results) sb.Append("---:|---:|---:|");
        sb.AppendLine("---:|---|:---:|");
        var largest = results[^1];
        foreach (var name in results[0].Measures.Select(m => m.Name))
        {
            sb.Append($"| {name} |");
            foreach (var r in results)
            {
                var m = r[name];
                sb.Append(m is null ? " – | – | – |" : $" {m.P50:N2} | {m.P95:N2} | {(m.CpuP50 is { } c ? c.ToString("N2") : "–")} |");
            }
            var growth = results.Count > 1 && results[0][name] is { } a && largest[name] is { } b ? $"{b.P50 / a.P50:N1}×" : "–";
            var budget = Budget(name, largest, out var met);
            sb.AppendLine($" {growth} | {budget} | {(met is null ? "" : met.Value ? "yes" : "**no**")} |");
        }
        sb.Append("| cases in the largest store |");
        foreach (var r in results) sb.Append($" {r.StoreCases:N0} | | |");
        sb.AppendLine(" | | |");
        return sb.ToString();
    }

    public static string Markdown(IReadOnlyList<SizeResult> results, string table, int iterations, int warmup)
    {
        string sqliteVersion;
        using (var c = new SqliteConnection("Data Source=:memory:")) { c.Open(); sqliteVersion = c.ServerVersion; }
        return $"""
            # Benchmarks

            Latest run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · {RuntimeInformation.OSDescription} ·
            .NET {Environment.Version} · SQLite {sqliteVersion} · {warmup} warm-up + {iterations} timed iterations per measure.
            Times in milliseconds, wall clock (p50, p95) and the calling thread's CPU time (cpu = p50);
            "growth" is wall p50 at the largest size over wall p50 at the smallest.

            {table}
            """;
    }

    private static string Short(int n) => n >= 1_000_000 ? $"{n / 1_000_000.0:0.#}M" : n >= 1000 ? $"{n / 1000.0:0.#}k" : n.ToString();
}
