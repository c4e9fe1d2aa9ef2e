namespace Dashboard.Domain;

/// <summary>
/// When a signal fires, from facts the host reads (spec "Escalation signals"). Pure: the host gathers
/// the facts, these decide, <see cref="CaseWorkflow"/> escalates.
/// </summary>
public static class EscalationSignalRules
{
    public const int ReopensToEscalate = 2;
    public const int RecentCasesToEscalate = 3;
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(30);
    public static readonly TimeSpan ReplyExpectedWithin = TimeSpan.FromHours(72);

    /// <summary>The badge's words.</summary>
    public static string Label(EscalationSignalKind kind) => kind switch
    {
        EscalationSignalKind.DisputeRisk => "Dispute risk",
        EscalationSignalKind.EfwMatch => "Early fraud warning",
        EscalationSignalKind.RepeatedUnresolved => "Repeated unresolved",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>One of the customer's cases at the store: when it opened and when a merchant first answered (if ever).</summary>
    public sealed record RecentCase(DateTime OpenedAt, DateTime? FirstMerchantReplyAt);

    /// <summary>
    /// REPEATED_UNRESOLVED's reason, or null when it does not fire: the case was reopened at least twice,
    /// or the customer opened 3+ cases at the store in the last 30 days and none of them got a merchant
    /// reply within 72 hours of opening. Only one of them (the newest) may still be inside its 72 hours: a
    /// customer who opens several cases within a day has not been left unanswered yet.
    /// </summary>
    public static string? RepeatedUnresolved(int reopenCount, IReadOnlyCollection<RecentCase> customersCasesAtStore, DateTime now)
    {
        if (reopenCount >= ReopensToEscalate) return $"the case was reopened {reopenCount} times";
        var recent = customersCasesAtStore.Where(c => c.OpenedAt > now - RecentWindow).ToList();
        if (recent.Count < RecentCasesToEscalate) return null;
        var anyAnswered = recent.Any(c => c.FirstMerchantReplyAt is { } at && at - c.OpenedAt <= ReplyExpectedWithin);
        var stillWaiting = recent.Count(c => c.FirstMerchantReplyAt is null && now - c.OpenedAt < ReplyExpectedWithin);
        return anyAnswered || stillWaiting > 1 ? null
            : $"the customer opened {recent.Count} cases at this store in 30 days and none got a merchant reply within 72 hours";
    }

    /// <summary>Whether a trail line records a reopening (the rules write "Reopened by …").</summary>
    public static bool IsReopenLine(string trailLine) => trailLine.StartsWith(CaseWorkflow.ReopenedByPrefix, StringComparison.Ordinal);
}
