namespace Dashboard.Web.Features.Tickets.Api;

/// <summary>PATCH body: status open or closed (answered is set by support only).</summary>
public sealed class UpdateSupportCaseRequest
{
    public string? Status { get; init; }
}
