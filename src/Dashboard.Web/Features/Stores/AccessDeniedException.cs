namespace Dashboard.Web.Features.Stores;

/// <summary>A service was asked to act for someone a policy refuses. Pages hide such actions, so this is a bug or a forged call.</summary>
public sealed class AccessDeniedException(string policy) : Exception($"Access denied: policy {policy} not met")
{
    public string Policy { get; } = policy;
}
