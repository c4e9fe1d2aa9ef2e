namespace Dashboard.Domain;

/// <summary>
/// The one set of licence rules, like <see cref="CaseWorkflow"/> for cases: which status may become
/// which, and who may act. A key moves forward only: Available → Claimed when it is assigned to an
/// order, Claimed → Revoked, Available → Revoked (taken out of a pool unused); nothing comes back.
/// Owners and agents act; a store can keep replacements to its owners.
/// </summary>
public static class LicenceWorkflow
{
    /// <summary>The refusals, as the dashboard and the API show them.</summary>
    public static class Messages
    {
        public const string AlreadyRevoked = "This licence key is already revoked";
        public const string RevokedCannotBeReplaced = "This licence key is revoked; a revoked key cannot be replaced";
        public const string ExpiredCannotBeRevoked = "This licence key has expired; there is nothing to revoke";
        public const string OwnersOnlyReplace = "Only the store's owner can replace licence keys in this store";
        public const string NoWorkingKeys = "This order has no working licence keys to send";

        public static string PoolEmpty(string product) => $"No available keys left for {product}. Add keys to its pool, then try again.";
    }

    /// <summary>Whether a key in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool CanBecome(LicenseStatus from, LicenseStatus to) => (from, to) switch
    {
        (LicenseStatus.Available, LicenseStatus.Claimed) => true,
        (LicenseStatus.Available, LicenseStatus.Revoked) => true,
        (LicenseStatus.Claimed, LicenseStatus.Revoked) => true,
        _ => false,
    };

    /// <summary>
    /// Why <paramref name="role"/> may not do <paramref name="action"/> to a key in <paramref name="status"/>
    /// (null: allowed). <paramref name="replaceOwnersOnly"/> is the store's setting; <paramref name="status"/>
    /// is ignored for <see cref="LicenceAction.ResendDelivery"/>, which does not change a key.
    /// </summary>
    public static string? Refusal(LicenceAction action, LicenseStatus status, StoreRole role, bool replaceOwnersOnly) => action switch
    {
        LicenceAction.Replace when replaceOwnersOnly && role != StoreRole.Owner => Messages.OwnersOnlyReplace,
        // An expired key is replaced without revoking it (it stays Expired); any working key is revoked first.
        LicenceAction.Replace => status == LicenseStatus.Revoked ? Messages.RevokedCannotBeReplaced : null,
        LicenceAction.Revoke => CanBecome(status, LicenseStatus.Revoked) ? null
            : status == LicenseStatus.Revoked ? Messages.AlreadyRevoked : Messages.ExpiredCannotBeRevoked,
        LicenceAction.ResendDelivery => null,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown licence action"),
    };

    /// <summary>Whether a customer can use a key in <paramref name="status"/> (what a delivery email lists).</summary>
    public static bool IsWorking(LicenseStatus status) => status is LicenseStatus.Available or LicenseStatus.Claimed;

    /// <summary>
    /// A key as trail lines and confirmations may show it: its first group and an ellipsis
    /// ("39V76-…"), so the timeline never carries a whole working key.
    /// </summary>
    public static string Shorten(string key)
    {
        var dash = key.IndexOf('-');
        var head = dash is > 0 and <= 8 ? key[..(dash + 1)] : key[..Math.Min(5, key.Length)];
        return head + "…";
    }
}
