using System.Runtime.InteropServices;

namespace Dashboard.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID), to tell the work an operation does
/// from the time it spends waiting for a core on a shared machine. Null where unavailable.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    private static readonly bool Available = OperatingSystem.IsLinux() && Probe();

    private static bool Probe()
    {
        try { return ClockGetTime(ClockThreadCpuTimeId, out _) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    public static double? NowMs()
    {
        if (!Available || ClockGetTime(ClockThreadCpuTimeId, out var t) != 0) return null;
        return t.Seconds * 1000.0 + t.Nanoseconds / 1_000_000.0;
    }
}
