using Dashboard.Domain;

namespace Dashboard.Web.Features.Stores;

/// <summary>
/// The named access rules of the spec's "Who may do what", decided in one place. Services check
/// them (<see cref="StoreAccess"/>) before they act; pages ask the same rule only to hide what the
/// service would refuse anyway; endpoints may use them as ASP.NET Core policies
/// (<c>RequireAuthorization(Policies.PlatformSupport)</c>).
/// </summary>
public static class Policies
{
    /// <summary>A member of the store (Owner or Agent): cases, replies, status, priority.</summary>
    public const string StoreMember = nameof(StoreMember);

    /// <summary>The store's Owner: settings, team, API tokens.</summary>
    public const string StoreOwner = nameof(StoreOwner);

    /// <summary>Platform staff ("Pandabase Support"): escalated cases of every store.</summary>
    public const string PlatformSupport = nameof(PlatformSupport);

    public static IReadOnlyList<string> All { get; } = [StoreMember, StoreOwner, PlatformSupport];

    /// <summary>
    /// Whether <paramref name="scope"/> passes <paramref name="policy"/> for <paramref name="storeId"/>
    /// (default: the user's current store). Unknown policy names throw: a typo must not grant or deny silently.
    /// </summary>
    public static bool Allows(MerchantScope? scope, string policy, string? storeId = null)
    {
        if (scope is null) return false;
        var store = storeId is null ? scope.Current : scope.Stores.FirstOrDefault(s => s.Id == storeId);
        return policy switch
        {
            StoreMember => store is not null,
            StoreOwner => store?.Role == StoreRole.Owner,
            PlatformSupport => scope.IsPlatformSupport,
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown policy"),
        };
    }
}
