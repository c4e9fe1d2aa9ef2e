namespace Dashboard.Web.Features.Support.Signals;

public enum PaymentEventOutcome
{
    /// <summary>Recorded; <see cref="PaymentEventResult.Escalated"/> cases got a signal.</summary>
    Accepted,
    /// <summary>The event id was received before: nothing changed.</summary>
    Replayed,
    /// <summary>The body is not an event (missing id, type or payment id).</summary>
    Invalid,
}
