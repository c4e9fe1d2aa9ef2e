using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Features.Support.Signals;

/// <summary>The <c>SignalSweep</c> section: the periodic evaluation of escalation signals that time alone can make due.</summary>
public sealed class SignalSweepOptions
{
    public const string Section = "SignalSweep";

    /// <summary>Turn the sweep off on this instance (its lease already lets only one instance run at a time).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Pause between two sweeps. REPEATED_UNRESOLVED turns due when a case's 72 hours pass unanswered.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far back an instance's first sweep looks for 72-hour windows that closed (it then continues from where it got).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan FirstLookback { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long a sweep holds the job's lease before renewing it (it renews before every store).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
