namespace Dashboard.Domain;

/// <summary>
/// A store's auto-close settings: a case idle in Awaiting customer for <see cref="IdleDays"/> closes
/// automatically; the customer is warned <see cref="WarningDays"/> before (0: no warning). A case
/// found past due that was never warned is warned first and closes no sooner than the warning period later.
/// </summary>
public sealed record AutoClosePeriods(int IdleDays, int WarningDays)
{
    public const int IdleDaysMin = 1;
    public const int IdleDaysMax = 90;
    public const int IdleDaysDefault = 14;
    public const int WarningDaysDefault = 2;

    public static AutoClosePeriods Default { get; } = new(IdleDaysDefault, WarningDaysDefault);

    public TimeSpan Idle => TimeSpan.FromDays(IdleDays);
    public TimeSpan Warning => TimeSpan.FromDays(WarningDays);
    public bool Warns => WarningDays > 0;

    /// <summary>The error a merchant reads for idle days out of range, or null.</summary>
    public static string? ValidateIdleDays(int days) =>
        days is < IdleDaysMin or > IdleDaysMax
            ? $"Close after must be between {IdleDaysMin} and {IdleDaysMax} days"
            : null;

    /// <summary>The error for warning days out of 0–(idle−1), or null (checked against valid idle days only).</summary>
    public static string? ValidateWarningDays(int warningDays, int idleDays) =>
        warningDays < 0 || warningDays > idleDays - 1
            ? idleDays <= 1
                ? "The warning must be 0 days when cases close after 1 day"
                : $"The warning must be between 0 and {idleDays - 1} days (less than the {idleDays} days before closing)"
            : null;

    /// <summary>When a case idle since <paramref name="lastActivityAt"/> is due for its warning.</summary>
    public DateTime WarningDueAt(DateTime lastActivityAt) => lastActivityAt + Idle - Warning;

    /// <summary>
    /// When the case may close: the idle period after the last activity, and (when the store warns)
    /// no sooner than the warning period after the warning actually went out. Null while a warning is owed.
    /// </summary>
    public DateTime? CloseDueAt(DateTime lastActivityAt, DateTime? warnedAt)
    {
        var idleEnds = lastActivityAt + Idle;
        if (!Warns) return idleEnds;
        if (warnedAt is not { } warned) return null;
        var warningEnds = warned + Warning;
        return warningEnds > idleEnds ? warningEnds : idleEnds;
    }

    /// <summary>What the auto-close job owes a case in <paramref name="state"/> at <paramref name="now"/>.</summary>
    public AutoCloseStep Due(CaseState state, DateTime now)
    {
        if (state.Status != CaseStatus.AwaitingCustomer) return AutoCloseStep.None;
        if (Warns && state.AutoCloseWarnedAt is null)
            return now >= WarningDueAt(state.LastActivityAt) ? AutoCloseStep.Warn : AutoCloseStep.None;
        return now >= CloseDueAt(state.LastActivityAt, state.AutoCloseWarnedAt) ? AutoCloseStep.Close : AutoCloseStep.None;
    }
}
