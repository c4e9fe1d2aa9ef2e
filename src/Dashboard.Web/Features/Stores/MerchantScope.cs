namespace Dashboard.Web.Features.Stores;

/// <summary>The signed-in user as the dashboard sees them, and the store they are working in.</summary>
public sealed record MerchantScope(
    string UserId, string DisplayName, string Email, bool IsPlatformSupport,
    IReadOnlyList<StoreSummary> Stores, StoreSummary? Current)
{
    public string? StoreId => Current?.Id;

    /// <summary>Whether this user passes <paramref name="policy"/> (one of <see cref="Policies"/>) for the current store or <paramref name="storeId"/>.</summary>
    public bool Satisfies(string policy, string? storeId = null) => Policies.Allows(this, policy, storeId);
}
