namespace Dashboard.Web.Features.Tickets.Api;

/// <summary>Reply body: body 1–10,000; optional author 1–120 (default "API").</summary>
public sealed class AddSupportCaseMessageRequest
{
    public string? Body { get; init; }
    public string? Author { get; init; }
}
