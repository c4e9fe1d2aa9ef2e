namespace Dashboard.Data.Entities;

/// <summary>A Store API token. The sk_ secret is shown once; only its SHA-256 is stored.</summary>
public sealed class ApiToken
{
    public string Id { get; set; } = Dashboard.Domain.Ids.New(Dashboard.Domain.Ids.Token);
    public string StoreId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The first characters of the secret, to recognise it in the list (e.g. "sk_demo_nort").</summary>
    public string Prefix { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public ApiScopes Scopes { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
