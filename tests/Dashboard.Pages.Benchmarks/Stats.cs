namespace Dashboard.Pages.Benchmarks;

/// <summary>One measured thing: wall-clock p50/p95 (ms), and what else it has (server CPU per request, bytes, a note).</summary>
public sealed record Result(string Group, string Name, double P50, double P95, double? ServerCpuMs = null, long? Bytes = null, string Note = "", int Samples = 0)
{
    public static Result Of(string group, string name, IReadOnlyCollection<double> samples, double? serverCpuMs = null, long? bytes = null, string note = "")
    {
        var sorted = samples.Order().ToArray();
        return new Result(group, name, Percentile(sorted, 0.50), Percentile(sorted, 0.95), serverCpuMs, bytes, note, sorted.Length);
    }

    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    public override string ToString() =>
        $"  {Name,-46} p50 {P50,8:N1} ms  p95 {P95,8:N1} ms" +
        (ServerCpuMs is { } cpu ? $"  server cpu {cpu,6:N1} ms/req" : "") +
        (Bytes is { } b ? $"  {b / 1024.0,8:N1} KB" : "") + (Note.Length > 0 ? "  " + Note : "");
}
