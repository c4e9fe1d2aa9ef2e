using System.Linq.Expressions;
using System.Reflection;
using Dashboard.Domain;

namespace Dashboard.Data.Entities;

/// <summary>
/// Per-store case counts by status, maintained in the same transaction as every status change so the
/// dashboard never counts rows per request. <see cref="Column"/> is the one place a status meets its
/// column: reading, adjusting and recounting all go through it, so a new status is one compiler-checked edit
/// (plus its column).
/// </summary>
public sealed class StoreCaseCounts
{
    public string StoreId { get; set; } = "";
    public int Open { get; set; }
    public int AwaitingCustomer { get; set; }
    public int AwaitingMerchant { get; set; }
    public int Closed { get; set; }
    public int All => Statuses.Sum(Of);

    public static readonly CaseStatus[] Statuses = Enum.GetValues<CaseStatus>();

    /// <summary>The column that counts <paramref name="status"/> (also usable in EF's ExecuteUpdate).</summary>
    public static Expression<Func<StoreCaseCounts, int>> Column(CaseStatus status) => status switch
    {
        CaseStatus.Open => c => c.Open,
        CaseStatus.AwaitingCustomer => c => c.AwaitingCustomer,
        CaseStatus.AwaitingMerchant => c => c.AwaitingMerchant,
        CaseStatus.Closed => c => c.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static readonly PropertyInfo[] Properties = Statuses
        .Select(s => (PropertyInfo)((MemberExpression)Column(s).Body).Member).ToArray();

    /// <summary>The column's name (raw SQL reads).</summary>
    public static string ColumnName(CaseStatus status) => Properties[Array.IndexOf(Statuses, status)].Name;

    public int Of(CaseStatus status) => (int)Properties[Array.IndexOf(Statuses, status)].GetValue(this)!;

    public void Add(CaseStatus status, int delta)
    {
        var property = Properties[Array.IndexOf(Statuses, status)];
        property.SetValue(this, (int)property.GetValue(this)! + delta);
    }
}
