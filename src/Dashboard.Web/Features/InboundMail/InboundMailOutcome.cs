namespace Dashboard.Web.Features.InboundMail;

/// <summary>What processing one email did.</summary>
public enum InboundMailOutcome
{
    Posted,
    Ignored,
    HeldForReview,

    /// <summary>This Message-ID was already recorded: nothing new was written.</summary>
    Duplicate,
}
