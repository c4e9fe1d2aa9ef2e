namespace Dashboard.Domain;

/// <summary>The part of a case the rules read and write. Persistence copies it in and out.</summary>
public sealed record CaseState(
    CaseStatus Status,
    CasePriority Priority,
    int UnreadCount,
    bool Escalated,
    DateTime LastMessageAt,
    AuthorKind LastMessageBy,
    DateTime? ClosedAt,
    AuthorKind? ClosedBy,
    DateTime UpdatedAt);

/// <summary>Who is acting and when; the name goes into trail messages ("… by Ada Merchant").</summary>
public sealed record Actor(AuthorKind Kind, string DisplayName)
{
    public static readonly Actor Customer = new(AuthorKind.Customer, "the customer");
    public static readonly Actor System = new(AuthorKind.System, "the system");
    public static Actor Merchant(string name) => new(AuthorKind.Merchant, name);
    public static Actor Support(string name = CaseWorkflow.SupportBrand) => new(AuthorKind.Support, name);
}

/// <summary>What happens to a case. Each record is one row (or group of rows) of the transition table.</summary>
public abstract record CaseTrigger
{
    private CaseTrigger() { }

    /// <summary>The customer writes on their case.</summary>
    public sealed record CustomerReplies : CaseTrigger;

    /// <summary>The customer closes their case from the portal.</summary>
    public sealed record CustomerCloses : CaseTrigger;

    /// <summary>A merchant (dashboard or API) answers the customer.</summary>
    public sealed record MerchantReplies(string MerchantName) : CaseTrigger;

    /// <summary>A merchant changes priority and/or status (dashboard menus or PATCH).</summary>
    public sealed record MerchantUpdates(string MerchantName, CasePriority? Priority, CaseStatus? Status) : CaseTrigger;

    /// <summary>A merchant opened the case or called mark-read.</summary>
    public sealed record MerchantMarksRead : CaseTrigger;

    /// <summary>Platform support writes in the case (branded "Pandabase Support").</summary>
    public sealed record SupportPosts : CaseTrigger;

    /// <summary>An automated signal (dispute risk, early-fraud-warning match, repeated unresolved cases).</summary>
    public sealed record EscalationSignal(string Reason) : CaseTrigger;

    /// <summary>The auto-close job, for a case idle in Awaiting customer for <paramref name="IdlePeriod"/>.</summary>
    public sealed record AutoClose(TimeSpan IdlePeriod) : CaseTrigger;
}

[Flags]
public enum CaseEffects
{
    None = 0,
    NotifyMerchant = 1,
    EmailCustomer = 2,
    SendAutoReply = 4,
}

/// <summary>The outcome of asking the rules: a refusal with the spec's message, or the new state and its trail.</summary>
public sealed record CaseDecision
{
    public required bool IsAllowed { get; init; }
    public string? Refusal { get; init; }
    public CaseState? State { get; init; }
    public IReadOnlyList<string> Trail { get; init; } = [];
    public CaseEffects Effects { get; init; }

    /// <summary>True when the state differs from the one passed in (a no-op is allowed but changes nothing).</summary>
    public bool Changed { get; init; }

    /// <summary>True when the trigger carries a message to append (reply or support post).</summary>
    public bool AppendsMessage { get; init; }

    public CaseState NewState => State ?? throw new InvalidOperationException("A refused decision has no state: " + Refusal);

    internal static CaseDecision Refuse(string message) => new() { IsAllowed = false, Refusal = message };
}

/// <summary>Thrown by <see cref="CaseWorkflow.Apply"/> when the rules refuse; the message is the spec's.</summary>
public sealed class CaseRuleException(string message) : Exception(message);
