using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Features.Automation;

/// <summary>The <c>AutoClose</c> section: how often and in what batches the auto-close job runs.</summary>
public sealed class AutoCloseOptions
{
    public const string Section = "AutoClose";

    /// <summary>Turn the job off on this instance (the lease already lets only one instance run at a time).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Pause between two runs. Warnings and closes are due by the day, so minutes are plenty.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Cases read per query; each is then warned or closed in its own short transaction.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How long a run holds the job's lease before renewing it (it renews before every batch). A
    /// holder that dies stops renewing; another instance takes over once this has passed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
