namespace Dashboard.Data.Entities;

/// <summary>What became of an email that arrived (IMAP mailbox or inbound webhook).</summary>
public enum InboundEmailStatus
{
    /// <summary>Posted to its case as the customer's reply.</summary>
    Posted = 0,

    /// <summary>An auto-reply, bounce or loop: recorded, never posted.</summary>
    Ignored = 1,

    /// <summary>Unmatched, from someone other than the case's customer, or empty: waits for a person.</summary>
    HeldForReview = 2,

    /// <summary>Held, then discarded by a person.</summary>
    Discarded = 3,
}
