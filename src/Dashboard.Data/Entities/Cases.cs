using System.Linq.Expressions;
using System.Reflection;
using Dashboard.Domain;

namespace Dashboard.Data.Entities;

/// <summary>A support case opened by a customer against one of their orders.</summary>
public sealed class SupportCase
{
    public string Id { get; set; } = Ids.New(Ids.Case);
    public string StoreId { get; set; } = "";
    public string CustomerId { get; set; } = "";
    public string OrderId { get; set; } = "";
    public string Subject { get; set; } = "";
    public CaseStatus Status { get; set; }
    public CasePriority Priority { get; set; }
    public int UnreadCount { get; set; }
    public bool Escalated { get; set; }
    public DateTime LastMessageAt { get; set; }
    public AuthorKind LastMessageBy { get; set; }
    public DateTime? ClosedAt { get; set; }
    public AuthorKind? ClosedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When the auto-close warning email went out for the current idle stretch.</summary>
    public DateTime? AutoCloseWarnedAt { get; set; }

    /// <summary>
    /// Application-managed optimistic concurrency token (SQLite has no rowversion): every write
    /// bumps it, and a write based on an older value is refused as a conflict.
    /// </summary>
    public long Version { get; set; }

    public Customer Customer { get; set; } = null!;
    public Order Order { get; set; } = null!;
    public List<CaseMessage> Messages { get; set; } = [];

    public CaseState ToState() => new(Status, Priority, UnreadCount, Escalated, LastMessageAt, LastMessageBy, ClosedAt, ClosedBy, UpdatedAt);

    public void Apply(CaseState state)
    {
        Status = state.Status;
        Priority = state.Priority;
        UnreadCount = state.UnreadCount;
        Escalated = state.Escalated;
        LastMessageAt = state.LastMessageAt;
        LastMessageBy = state.LastMessageBy;
        ClosedAt = state.ClosedAt;
        ClosedBy = state.ClosedBy;
        UpdatedAt = state.UpdatedAt;
    }
}

/// <summary>One entry of a case's timeline: a message from a person, or a SYSTEM trail line.</summary>
public sealed class CaseMessage
{
    public string Id { get; set; } = Ids.New(Ids.Message);
    public string CaseId { get; set; } = "";
    public string StoreId { get; set; } = "";
    public AuthorKind AuthorKind { get; set; }

    /// <summary>As shown: the customer's name, the merchant's name, "Pandabase Support", or "System".</summary>
    public string AuthorName { get; set; } = "";
    public string? AuthorUserId { get; set; }
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>Orders entries written in the same instant (a reply and its trail line).</summary>
    public long Sequence { get; set; }

    public List<Attachment> Attachments { get; set; } = [];
}

/// <summary>A file on a message, stored under a server-generated key.</summary>
public sealed class Attachment
{
    public string Id { get; set; } = Ids.New(Ids.Attachment);
    public string MessageId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string StoreId { get; set; } = "";

    /// <summary>The sanitised name shown and offered on download; never used on disk.</summary>
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string StorageKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

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
