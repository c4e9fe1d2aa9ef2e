namespace Dashboard.Web.Features.Stores;

/// <summary>The signed-in user as the dashboard sees them, and the store they are working in.</summary>
/// <param name="IsPlatformSupport">Platform staff with two-factor sign-in on: support powers need both (docs/decisions/0010-two-factor-for-platform-support.md).</param>
/// <param name="TwoFactorSetupRequired">Platform staff without two-factor sign-in: sent to set it up, no support powers until then.</param>
public sealed record MerchantScope(
    string UserId, string DisplayName, string Email, bool IsPlatformSupport,
    IReadOnlyList<StoreSummary> Stores, StoreSummary? Current, bool TwoFactorSetupRequired = false)
{
    public string? StoreId => Current?.Id;

    /// <summary>Whether this user passes <paramref name="policy"/> (one of <see cref="Policies"/>) for the current store or <paramref name="storeId"/>.</summary>
    public bool Satisfies(string policy, string? storeId = null) => Policies.Allows(this, policy, storeId);
}
