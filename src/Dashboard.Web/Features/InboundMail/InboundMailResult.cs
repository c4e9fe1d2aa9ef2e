namespace Dashboard.Web.Features.InboundMail;

/// <summary>The outcome, the reason (as recorded), the <c>InboundMail</c> row and the case, when known.</summary>
public sealed record InboundMailResult(InboundMailOutcome Outcome, string Reason, long? RecordId = null, string? CaseId = null);
