using Dashboard.Web.Features.Stores;

namespace Dashboard.Web.Features.InboundMail;

/// <summary>
/// The navigation's count of email held for review, for one circuit. The layout renders on every
/// navigation and every live event, so the count is read once per circuit and store, and again only
/// when this circuit reviews mail (the Email replies page refreshes it). Mail held by the background
/// watcher while the circuit is open shows on the next page load.
/// </summary>
public sealed class HeldMailBadge(InboundMailReview review)
{
    private (string UserId, string? StoreId)? _countedFor;

    public int Count { get; private set; }

    /// <summary>Raised after <see cref="RefreshAsync"/> read a new count.</summary>
    public event Action? Changed;

    /// <summary>The count for <paramref name="scope"/>'s user and current store, read from the database only the first time.</summary>
    public async Task<int> GetAsync(MerchantScope scope, CancellationToken ct = default)
    {
        var key = (scope.UserId, scope.StoreId);
        if (_countedFor == key) return Count;
        Count = await review.CountHeldAsync(scope, ct);
        _countedFor = key;
        return Count;
    }

    /// <summary>Reads the count again (after a review in this circuit) and tells the navigation.</summary>
    public async Task<int> RefreshAsync(MerchantScope scope, CancellationToken ct = default)
    {
        _countedFor = null;
        await GetAsync(scope, ct);
        Changed?.Invoke();
        return Count;
    }
}
