namespace Dashboard.Domain;

/// <summary>
/// The automatic reasons a case goes to platform support (spec "Escalation signals"). Each fires at
/// most once per case; wire names DISPUTE_RISK, EFW_MATCH, REPEATED_UNRESOLVED (<see cref="WireNames"/>).
/// </summary>
public enum EscalationSignalKind
{
    /// <summary>The order's payment is disputed, or a <c>dispute.created</c> payment event arrived.</summary>
    DisputeRisk = 0,

    /// <summary>An early fraud warning is recorded for the order's payment.</summary>
    EfwMatch = 1,

    /// <summary>The case was reopened twice, or its customer opened 3+ cases in 30 days none of which got a merchant reply within 72 hours.</summary>
    RepeatedUnresolved = 2,
}
