namespace Dashboard.Web.Features.Api;

/// <summary>PATCH body: at least one of the two (LOW…URGENT; OPEN, AWAITING_CUSTOMER, CLOSED).</summary>
public sealed class PatchCaseRequest
{
    public string? Priority { get; init; }
    public string? Status { get; init; }
}
