namespace Dashboard.Web.Features.Support.Signals;

/// <summary>What one sweep did: whether this instance held the lease, the customers' latest cases evaluated, and those escalated.</summary>
public sealed record SignalSweepResult(bool Ran, int Evaluated, int Escalated)
{
    public static SignalSweepResult NotHolder { get; } = new(false, 0, 0);
}
