namespace Dashboard.Web.Features.Api;

/// <summary>Reply body: 1–4,000 characters after trimming, plain text.</summary>
public sealed class PostMessageRequest
{
    public string? Body { get; init; }
}
