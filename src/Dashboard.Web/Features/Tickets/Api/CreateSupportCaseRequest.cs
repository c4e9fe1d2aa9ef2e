namespace Dashboard.Web.Features.Tickets.Api;

/// <summary>Create body: body 10–10,000; optional subject 3–200, category, severity, author 1–120 (default "API").</summary>
public sealed class CreateSupportCaseRequest
{
    public string? Body { get; init; }
    public string? Subject { get; init; }
    public string? Category { get; init; }
    public string? Severity { get; init; }
    public string? Author { get; init; }
}
