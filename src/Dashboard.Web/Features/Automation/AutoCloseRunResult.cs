namespace Dashboard.Web.Features.Automation;

/// <summary>What one auto-close run did: whether this instance held the lease, and the cases warned, closed and left for later.</summary>
public sealed record AutoCloseRunResult(bool Ran, int Warned, int Closed, int Skipped)
{
    public static AutoCloseRunResult NotHolder { get; } = new(false, 0, 0, 0);
}
