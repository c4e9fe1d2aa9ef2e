namespace Dashboard.Web.Features.Support.Signals;

/// <summary>What became of a verified payment event.</summary>
public sealed record PaymentEventResult(PaymentEventOutcome Outcome, int Escalated = 0, string? Error = null);
