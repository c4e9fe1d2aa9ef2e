namespace Dashboard.Reliability.Harness;

/// <summary>
/// The thread count of a process as Linux reports it (/proc/&lt;pid&gt;/status). A .NET app whose
/// thread-pool threads are blocked grows its pool (about one thread a second): a rising count under a
/// burst is the sign of blocked threads, a flat one of waits that do not hold a thread.
/// </summary>
public static class ProcessThreads
{
    public static int Count(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
                if (line.StartsWith("Threads:", StringComparison.Ordinal)) return int.Parse(line["Threads:".Length..].Trim());
        }
        catch (IOException) { }
        return -1;
    }

    /// <summary>Samples every 20 ms until cancelled; returns the highest count seen.</summary>
    public static async Task<int> PeakAsync(int processId, CancellationToken ct)
    {
        var peak = Count(processId);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(20, ct);
                peak = Math.Max(peak, Count(processId));
            }
        }
        catch (OperationCanceledException) { }
        return peak;
    }
}
