namespace Dashboard.Web.Features.Api;

/// <summary>The pending key was taken over by a retry while this attempt ran; this attempt must not commit.</summary>
public sealed class IdempotencyClaimLostException() : Exception("The Idempotency-Key was taken over by another attempt");
