namespace Dashboard.Domain;

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

    /// <summary>Platform support writes in an escalated case (branded "Pandabase Support"); posting never escalates.</summary>
    public sealed record SupportPosts : CaseTrigger;

    /// <summary>An automated signal (dispute risk, early-fraud-warning match, repeated unresolved cases), with its reason.</summary>
    public sealed record EscalationSignal(EscalationSignalKind Kind, string Reason) : CaseTrigger;

    /// <summary>Platform support escalates a case by hand, with a reason.</summary>
    public sealed record SupportEscalates(string Reason) : CaseTrigger;

    /// <summary>Platform support hands an escalated case back to the merchant, with a reason.</summary>
    public sealed record SupportDeescalates(string Reason) : CaseTrigger;

    /// <summary>A merchant asks for a Pandabase review of the case, with a reason.</summary>
    public sealed record MerchantRequestsReview(string MerchantName, string Reason) : CaseTrigger;

    /// <summary>Platform support changes priority and/or status of an escalated case (trail "by Pandabase Support").</summary>
    public sealed record SupportUpdates(CasePriority? Priority, CaseStatus? Status) : CaseTrigger;

    /// <summary>Platform support writes a staff-only note (never shown to the merchant or the customer).</summary>
    public sealed record SupportNotes : CaseTrigger;

    /// <summary>The auto-close job warns the customer that an idle case in Awaiting customer will close.</summary>
    public sealed record AutoCloseWarns(AutoClosePeriods Periods) : CaseTrigger;

    /// <summary>The auto-close job closes a case idle in Awaiting customer for the store's period (after its warning).</summary>
    public sealed record AutoClose(AutoClosePeriods Periods) : CaseTrigger;
}
