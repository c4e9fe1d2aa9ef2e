using Dashboard.Data.Entities;
using Dashboard.Domain;

namespace Dashboard.Web.Features.Cases;

/// <summary>A store's case counts per status, as read from <see cref="StoreCaseCounts"/> (which maps each status to its column).</summary>
public sealed class TabCounts : IEquatable<TabCounts>
{
    private readonly StoreCaseCounts _row;

    public TabCounts(StoreCaseCounts row) => _row = row;

    /// <summary>Counts in the order the tabs show them (tests and seeds).</summary>
    public TabCounts(int awaitingYou, int open, int awaitingCustomer, int closed)
        : this(new StoreCaseCounts { AwaitingMerchant = awaitingYou, Open = open, AwaitingCustomer = awaitingCustomer, Closed = closed }) { }

    public static readonly TabCounts Zero = new(new StoreCaseCounts());

    public int Of(CaseStatus status) => _row.Of(status);
    public int Of(CaseTab tab) => tab.Status() is { } status ? Of(status) : All;
    public int All => _row.All;
    public int AwaitingYou => Of(CaseTab.AwaitingYou);

    public bool Equals(TabCounts? other) => other is not null && StoreCaseCounts.Statuses.All(s => Of(s) == other.Of(s));
    public override bool Equals(object? obj) => Equals(obj as TabCounts);
    public override int GetHashCode() => StoreCaseCounts.Statuses.Aggregate(0, (h, s) => HashCode.Combine(h, Of(s)));
    public override string ToString() => string.Join(", ", StoreCaseCounts.Statuses.Select(s => $"{s}: {Of(s)}"));
}
