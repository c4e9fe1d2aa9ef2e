namespace Dashboard.Domain;

/// <summary>What the auto-close job owes a case now (<see cref="AutoClosePeriods.Due"/>).</summary>
public enum AutoCloseStep
{
    None,
    Warn,
    Close,
}
