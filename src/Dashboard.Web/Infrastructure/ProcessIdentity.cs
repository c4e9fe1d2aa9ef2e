using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Infrastructure;

/// <summary>The <c>Dashboard</c> section's name for this machine on leases (see <see cref="ProcessIdentity"/>).</summary>
public sealed class InstanceOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// The name of the machine (strictly: of the process-id namespace) this instance runs in; default
    /// the host name. Two instances that can see each other's processes must share it, and two that
    /// cannot (other machines, other containers) must not.
    /// </summary>
    public string? InstanceName { get; set; }
}

public enum LeaseOwnerState { Alive, Dead, Unknown }

/// <summary>
/// Who this process is, as written on the leases it takes: <c>{instance}/{process id}/{process start}</c>.
/// Another process on the same instance can tell from it whether the owner still runs: a lease whose
/// owner is gone (no such process, or the id now belongs to a process started at another time) is
/// dead and may be released at once, instead of waiting for it to run out. An owner on another
/// instance cannot be checked from here: its lease runs out as before. A live owner is never robbed.
/// </summary>
public sealed class ProcessIdentity
{
    private readonly string _instance;
    private readonly int _processId = Environment.ProcessId;
    private readonly long _startTicks;

    public ProcessIdentity(IOptions<InstanceOptions> options)
    {
        _instance = string.IsNullOrWhiteSpace(options.Value.InstanceName) ? Environment.MachineName : options.Value.InstanceName.Trim();
        using var self = Process.GetCurrentProcess();
        _startTicks = StartTicks(self);
        Owner = Format(_instance, _processId, _startTicks);
    }

    /// <summary>This process, as a lease owner.</summary>
    public string Owner { get; }

    public static string Format(string instance, int processId, long startTicks) =>
        string.Create(CultureInfo.InvariantCulture, $"{instance}/{processId}/{startTicks}");

    /// <summary>A process's start time as the owner string records it (UTC ticks).</summary>
    public static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks;

    public LeaseOwnerState StateOf(string owner)
    {
        var last = owner.LastIndexOf('/');
        var middle = last > 0 ? owner.LastIndexOf('/', last - 1) : -1;
        if (middle <= 0
            || !int.TryParse(owner.AsSpan(middle + 1, last - middle - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            || !long.TryParse(owner.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks))
            return LeaseOwnerState.Unknown;
        if (!string.Equals(owner[..middle], _instance, StringComparison.Ordinal)) return LeaseOwnerState.Unknown;
        if (processId == _processId) return startTicks == _startTicks ? LeaseOwnerState.Alive : LeaseOwnerState.Dead;
        try
        {
            using var process = Process.GetProcessById(processId);
            if (process.HasExited) return LeaseOwnerState.Dead;
            // The same id with another start time is a later process that reused the id.
            return Math.Abs(StartTicks(process) - startTicks) < TimeSpan.TicksPerSecond ? LeaseOwnerState.Alive : LeaseOwnerState.Dead;
        }
        catch (ArgumentException)
        {
            return LeaseOwnerState.Dead; // no process with that id
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return LeaseOwnerState.Unknown; // it exists but cannot be inspected: never steal on a guess
        }
    }
}
