namespace Dashboard.Web.Features.Api;

/// <summary>Reply body: plain text, 1–4,000 characters as a person counts them (Limits.CheckBody).</summary>
public sealed class PostMessageRequest
{
    public string? Body { get; init; }
}
